using CustomerCare.Bot.Health;
using CustomerCare.Bot.DirectLine;
using CustomerCare.Bot.Privacy;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Bot.Teams;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Ledger;
using CustomerCare.Payouts;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Storage;

public static class LiteDbServiceCollectionExtensions
{
    /// <summary>One LiteDatabase for the process (Connection=Direct), and the stores built on it.</summary>
    public static IServiceCollection AddLiteDbStores(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var environment = provider.GetRequiredService<IHostEnvironment>();
            return LiteDbFile.Open(Path.GetFullPath(options.DataPath, environment.ContentRootPath), options.MinFreeDiskMegabytes * 1024L * 1024);
        });
        services.AddSingleton(provider => provider.GetRequiredService<LiteDbFile>().Database);
        services.AddSingleton<LiteDbWriter>();
        services.AddHostedService<DataFileEngineWatch>();
        services.AddHealthChecks().AddCheck<DataFileEngineCheck>("data file engine", tags: [HealthEndpoints.Live, HealthEndpoints.Ready]);
        services.AddSingleton<LiteDbStorage>();
        services.AddSingleton<IStorage>(provider => provider.GetRequiredService<LiteDbStorage>());
        services.AddSingleton<LiteDbCaseStore>();
        services.AddSingleton<ICaseStore>(provider => provider.GetRequiredService<LiteDbCaseStore>());
        services.AddSingleton<ConversationIndex>();
        services.AddSingleton<TranscriptStore>();
        services.AddSingleton<ITranscriptStore>(provider => provider.GetRequiredService<TranscriptStore>());
        services.AddSingleton<ConversationSearch>();
        services.AddSingleton<IConversationList>(provider => provider.GetRequiredService<ConversationSearch>());
        services.AddSingleton<ISupervisorReviews, SupervisorReviews>();
        services.AddSingleton<IAccessLogStore, LiteDbAccessLogStore>();
        services.AddSingleton<LiteDbConversationErasure>();
        services.AddSingleton<IRetentionStore, LiteDbRetention>();
        services.AddSingleton<IErasureStore, LiteDbErasureStore>();
        services.AddSingleton<LiteDbLedger>();
        services.AddSingleton<ICompensationLedger>(provider => provider.GetRequiredService<LiteDbLedger>());
        services.AddSingleton<ILedgerHistory>(provider => provider.GetRequiredService<LiteDbLedger>());
        services.AddSingleton<ITeamsInstallations, LiteDbTeamsInstallations>();
        services.AddSingleton<LiteDbApprovalStore>();
        services.AddSingleton<IApprovalStore>(provider => provider.GetRequiredService<LiteDbApprovalStore>());
        services.AddSingleton<LiteDbUploadStore>();
        services.AddSingleton<IUploadStore>(provider => provider.GetRequiredService<LiteDbUploadStore>());
        services.AddSingleton<IStoreProbe, LiteDbStoreProbe>();
        services.AddSingleton<LiteDbPayoutStore>();
        services.AddSingleton<IPayoutStore>(provider => provider.GetRequiredService<LiteDbPayoutStore>());
        services.AddSingleton<LiteDbSigningKeyStore>();
        services.AddSingleton<ISigningKeyStore>(provider => provider.GetRequiredService<LiteDbSigningKeyStore>());
        return services;
    }
}
