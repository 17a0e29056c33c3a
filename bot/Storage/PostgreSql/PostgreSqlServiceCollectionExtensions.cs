using CustomerCare.Bot.Privacy;
using CustomerCare.Bot.Health;
using CustomerCare.Payouts;
using CustomerCare.Bot.DirectLine;
using CustomerCare.Bot.Operations;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Bot.Teams;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Ledger;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

public static class PostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// The ledger, its history, the approval requests, cases, Teams installations, transcripts, the supervisors'
    /// conversation list and reviews, and conversation and user state in PostgreSQL, in place of the data file's, and turns of one conversation in order across instances; the schema is
    /// migrated before anything else starts.
    /// </summary>
    /// <param name="recorded">Told of each grant once it has committed (it must not throw).</param>
    /// <param name="carriedOver">The ledger kept before, in the data file: carried over at every start (what is there already is skipped).</param>
    /// <param name="carriedRecords">The bookings and flight records kept before, in the data file: carried over at every start (what is there already stays).</param>
    /// <param name="caseChanges">Told of each change to a case that the supervisors' list shows.</param>
    /// <param name="carriedSigningKey">The Direct Line signing key kept before, in the data file: kept in PostgreSQL if it has none yet.</param>
    /// <param name="carriedPayouts">The payout instructions kept before, in the data file: carried over with the ledger, where they stood.</param>
    /// <param name="carriedUploads">The files uploaded before, in the data file: served when PostgreSQL does not have them.</param>
    public static IServiceCollection AddPostgreSqlStores(this IServiceCollection services, Func<IServiceProvider, Func<LedgerEntry, Task>>? recorded = null,
        Func<IServiceProvider, CarriedLedger>? carriedOver = null, Func<IServiceProvider, ICaseChanges>? caseChanges = null,
        Func<IServiceProvider, OperationsDataFile>? carriedRecords = null, Func<IServiceProvider, byte[]?>? carriedSigningKey = null,
        Func<IServiceProvider, IUploadStore>? carriedUploads = null, Func<IServiceProvider, IReadOnlyList<PayoutState>>? carriedPayouts = null)
    {
        services.AddSingleton(provider => PostgreSqlDataSources.Create(
            provider.GetRequiredService<IConfiguration>().GetConnectionString(StorageOptions.ConnectionStringName),
            provider.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(provider => new TurnLockPool(PostgreSqlDataSources.Create(
            provider.GetRequiredService<IConfiguration>().GetConnectionString(StorageOptions.ConnectionStringName),
            provider.GetRequiredService<IOptions<StorageOptions>>().Value, purpose: "turn locks")));
        // First of the hosted services: nothing reads the database before its schema is this build's.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, SchemaMigrationAtStart>());
        if (carriedOver is not null)
        {
            services.Insert(1, ServiceDescriptor.Singleton<IHostedService>(provider => new LedgerCarryOverAtStart(provider.GetRequiredService<NpgsqlDataSource>(),
                () => carriedOver(provider), provider.GetRequiredService<ILogger<LedgerCarryOverAtStart>>(),
                carriedPayouts is null ? null : () => carriedPayouts(provider))));
        }
        services.AddSingleton<PostgreSqlOperationsData>();
        services.AddHostedService<StoreChanges>();
        services.Replace(ServiceDescriptor.Singleton<IOperationsStore>(provider => provider.GetRequiredService<PostgreSqlOperationsData>()));
        if (carriedRecords is not null)
        {
            services.Insert(carriedOver is null ? 1 : 2, ServiceDescriptor.Singleton<IHostedService>(provider => new OperationsCarryOverAtStart(
                provider.GetRequiredService<PostgreSqlOperationsData>(), () => carriedRecords(provider), provider.GetRequiredService<ILogger<OperationsCarryOverAtStart>>())));
        }
        services.AddSingleton(provider => new PostgreSqlLedger(provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<TimeProvider>(),
            recorded: recorded?.Invoke(provider)));
        services.Replace(ServiceDescriptor.Singleton<ICompensationLedger>(provider => provider.GetRequiredService<PostgreSqlLedger>()));
        services.Replace(ServiceDescriptor.Singleton<ILedgerHistory>(provider => provider.GetRequiredService<PostgreSqlLedger>()));
        services.AddSingleton<PostgreSqlApprovalStore>();
        services.Replace(ServiceDescriptor.Singleton<IApprovalStore>(provider => provider.GetRequiredService<PostgreSqlApprovalStore>()));
        services.AddSingleton<TurnReads>();
        services.Replace(ServiceDescriptor.Singleton<ICaseStore>(provider => new PostgreSqlCaseStore(provider.GetRequiredService<NpgsqlDataSource>(),
            provider.GetRequiredService<TimeProvider>(), caseChanges?.Invoke(provider), provider.GetRequiredService<TurnReads>())));
        services.Replace(ServiceDescriptor.Singleton<ITeamsInstallations, PostgreSqlTeamsInstallations>());
        services.Replace(ServiceDescriptor.Singleton<IStorage, PostgreSqlStorage>());
        services.Replace(ServiceDescriptor.Singleton<ITranscriptStore, PostgreSqlTranscriptStore>());
        services.Replace(ServiceDescriptor.Singleton<IConversationList, PostgreSqlConversationList>());
        services.Replace(ServiceDescriptor.Singleton<ISupervisorReviews, PostgreSqlSupervisorReviews>());
        services.Replace(ServiceDescriptor.Singleton<IRetentionStore, PostgreSqlRetention>());
        services.Replace(ServiceDescriptor.Singleton<IErasureStore, PostgreSqlErasureStore>());
        services.Replace(ServiceDescriptor.Singleton<IAccessLogStore, PostgreSqlAccessLogStore>());
        services.Replace(ServiceDescriptor.Singleton<IUploadStore>(provider => new PostgreSqlUploadStore(provider.GetRequiredService<NpgsqlDataSource>(),
            provider.GetRequiredService<TimeProvider>(), carriedUploads?.Invoke(provider))));
        services.Replace(ServiceDescriptor.Singleton<IPayoutStore, PostgreSqlPayoutStore>());
        services.Replace(ServiceDescriptor.Singleton<IStoreProbe, PostgreSqlStoreProbe>());
        services.Replace(ServiceDescriptor.Singleton<ISigningKeyStore>(provider => new PostgreSqlSigningKeyStore(provider.GetRequiredService<NpgsqlDataSource>(),
            carriedSigningKey is null ? null : () => carriedSigningKey(provider))));
        // One application for every instance, wherever each is installed: the keys are shared by name.
        services.AddDataProtection().SetApplicationName("CustomerCare");
        services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource>((keys, dataSource) => keys.XmlRepository = new PostgreSqlKeyRepository(dataSource));
        services.Replace(ServiceDescriptor.Singleton<IConversationLocks, PostgreSqlConversationLocks>());
        return services;
    }
}
