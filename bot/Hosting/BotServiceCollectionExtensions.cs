using CustomerCare.Bot.Mail;
using CustomerCare.Advice;
using CustomerCare.Bot.Connector;
using CustomerCare.Bot.Language;
using CustomerCare.Bot.Operations;
using CustomerCare.Bot.Payouts;
using CustomerCare.Payouts;
using CustomerCare.Bot.DirectLine;
using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Bot.Teams;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Conversation;
using CustomerCare.Diagnostics;
using CustomerCare.Grants;
using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using IMiddleware = CustomerCare.Builder.IMiddleware;

namespace CustomerCare.Bot.Hosting;

public static class BotServiceCollectionExtensions
{
    /// <summary>The turn pipeline: adapter, middleware, error policy, state and the bot itself.</summary>
    public static IServiceCollection AddCustomerCareBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<CustomerCareMetrics>();
        services.AddOptions<BotAppOptions>().Bind(configuration);
        services.AddLiteDbStores();
        if (configuration.GetValue<StorageProvider>($"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}") == StorageProvider.PostgreSql)
        {
            services.AddSingleton<ConversationListGrants>();
            services.AddSingleton<ConversationListCases>();
            services.AddPostgreSqlStores(provider => provider.GetRequiredService<ConversationListGrants>().RecordedAsync,
                carriedOver: provider => provider.GetRequiredService<LiteDbLedger>().Export(),
                caseChanges: provider => provider.GetRequiredService<ConversationListCases>(),
                carriedRecords: provider => provider.GetRequiredService<LiteDbOperationsData>().Export(),
                carriedSigningKey: provider => provider.GetRequiredService<LiteDbSigningKeyStore>().Kept(),
                carriedUploads: provider => provider.GetRequiredService<LiteDbUploadStore>(),
                carriedPayouts: provider => provider.GetRequiredService<LiteDbPayoutStore>().Export());
        }

        services.AddSingleton(provider => new ConversationState<ConversationData>(provider.GetRequiredService<IStorage>(), StateJsonContext.Default.ConversationData));
        services.AddSingleton(provider => new UserState<UserProfile>(provider.GetRequiredService<IStorage>(), StateJsonContext.Default.UserProfile));
        services.AddLanguageUnderstanding();
        services.AddSingleton(provider => new HandoffDesk(provider.GetRequiredService<ICaseStore>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<IAgentNotifier>(),
            Math.Clamp(provider.GetRequiredService<IConfiguration>().GetValue("Cases:MaxOpenPerConversation", HandoffDesk.DefaultMaxOpenPerConversation), 1, 100),
            provider.GetRequiredService<CustomerCareMetrics>(),
            Math.Clamp(provider.GetRequiredService<IConfiguration>().GetValue("Cases:MaxOpenPerPassenger", HandoffDesk.DefaultMaxOpenPerPassenger), 1, 100)));
        services.AddSingleton(new RemedyPolicyEngine(RemedyPolicyBook.Embedded));
        services.AddSingleton<LiteDbOperationsData>();
        services.TryAddSingleton<IOperationsStore>(provider => provider.GetRequiredService<LiteDbOperationsData>());
        services.AddSingleton<IOperationsData>(provider => provider.GetRequiredService<IOperationsStore>());
        services.AddHostedService<DemoDataSeeder>();
        services.AddGrantPath();
        services.AddSingleton(provider => new CatalogSet(
            provider.GetRequiredService<IConfiguration>()["Advice:CatalogDirectory"] is { Length: > 0 } directory
                ? CatalogLoader.FromDirectory(directory)
                : CatalogLoader.Embedded()));
        services.AddHostedService<CatalogCheck>();
        services.AddSingleton<CustomerCareBot>();
        services.AddSingleton<IRoutes, CustomerRoutes>();
        services.AddSingleton<IBot>(provider => new RouteTable(provider.GetServices<IRoutes>()));
        services.AddSingleton<ITurnErrorHandler, TurnErrorPolicy>();
        services.AddSingleton<ConversationLocks>();
        services.TryAddSingleton<IConversationLocks>(provider => provider.GetRequiredService<ConversationLocks>());
        services.AddSingleton<BotAdapter>();

        services.AddSingleton(provider =>
        {
            var storage = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
            return new TranscriptQueue(storage.TranscriptQueueCapacity, TimeSpan.FromMilliseconds(storage.TranscriptQueueWaitMilliseconds), provider.GetRequiredService<ILogger<TranscriptQueue>>());
        });
        services.AddSingleton<TranscriptLog>();
        services.AddSingleton<TranscriptWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<TranscriptWriter>());
        services.AddSingleton<IMiddleware, TranscriptLoggerMiddleware>();
        services.AddSingleton<IMiddleware, TeamsMiddleware>();
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section);
        services.AddSingleton<TeamsAgentNotifier>();
        services.AddSingleton<IAgentNotifier>(provider => provider.GetRequiredService<TeamsAgentNotifier>());
        services.AddSingleton<AgentChannelGuard>();
        services.AddSingleton<CaseClaims>();
        services.AddSingleton<CaseHandovers>();
        services.AddSingleton<CardActions>();
        services.AddSingleton<ThreadCommands>();
        services.AddSingleton<IRoutes, TeamsAgentRoutes>();
        services.AddSingleton<TeamsAgentRelay>();
        services.AddSingleton<ApprovalNotices>();
        services.AddSingleton<AgentHours>();
        services.AddSingleton<AgentWaitWatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<AgentWaitWatcher>());
        services.AddSingleton<IAgentRelay>(provider => provider.GetRequiredService<TeamsAgentRelay>());
        return services;
    }

    /// <summary>
    /// The one grant path (<see cref="CompensationGrants"/>) and what it needs: the policy, the ledger, approvals and the
    /// agents' authority from <c>Agents:AuthorityLimits</c> and <c>Agents:ExchangeRates</c>, validated on start.
    /// </summary>
    public static IServiceCollection AddGrantPath(this IServiceCollection services)
    {
        services.AddOptions<AgentsOptions>().BindConfiguration(AgentsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AgentsOptions>>().Value;
            return new AuthorityLimits(options.AuthorityLimits, options.ExchangeRates);
        });
        services.AddSingleton<CompensationGrants>();
        return services;
    }

    /// <summary>The Bot Connector side: channel authentication and the REST client for replies.</summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        // A channel's Connector answers where it is asked; a redirect is an error, not somewhere to send a bearer token.
        services.AddHttpClient(ConnectorClientFactory.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        services.AddHttpClient(MsalConnectorTokenProvider.HttpClientName).RemoveAllLoggers();
        services.AddSingleton<IConnectorTokenProvider, MsalConnectorTokenProvider>();
        services.AddOptions<ChannelAuthOptions>().BindConfiguration(ChannelAuthOptions.Section);
        services.AddSingleton<IChannelAuthenticator, JwtChannelAuthenticator>();
        services.AddSingleton<ConnectorClientFactory>();
        return services;
    }

    /// <summary>The built-in Direct Line 3.0 service for the Web Chat page.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.AddPayouts();
        services.AddCustomerMail();
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineHistory>();
        services.AddSingleton<StreamListeners>();
        services.AddSingleton<UploadQuota>();
        services.AddSingleton<DirectLineConnector>();
        services.AddSingleton<ChannelConnectors>();
        services.AddSingleton<DirectLineTurns>();
        services.AddHostedService<DirectLineHousekeeping>();
        services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The secret goes to the configured service only: no redirects followed; and a token answer is small.
        services.AddHttpClient<AzureBotServiceTokens>(client => client.MaxResponseContentBufferSize = 64 * 1024)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        return services;
    }
}
