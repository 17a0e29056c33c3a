using CustomerCare.Ledger;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

public static class PostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// The ledger, its history and the approval requests in PostgreSQL, in place of the data file's; the schema is
    /// migrated before anything else starts.
    /// </summary>
    /// <param name="recorded">Told of each grant once it has committed (it must not throw).</param>
    public static IServiceCollection AddPostgreSqlLedger(this IServiceCollection services, Func<IServiceProvider, Func<LedgerEntry, Task>>? recorded = null)
    {
        services.AddSingleton(provider => PostgreSqlDataSources.Create(
            provider.GetRequiredService<IConfiguration>().GetConnectionString(StorageOptions.ConnectionStringName),
            provider.GetRequiredService<IOptions<StorageOptions>>().Value));
        // First of the hosted services: nothing reads the database before its schema is this build's.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, SchemaMigrationAtStart>());
        services.AddSingleton(provider => new PostgreSqlLedger(provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<TimeProvider>(),
            recorded: recorded?.Invoke(provider)));
        services.Replace(ServiceDescriptor.Singleton<ICompensationLedger>(provider => provider.GetRequiredService<PostgreSqlLedger>()));
        services.Replace(ServiceDescriptor.Singleton<ILedgerHistory>(provider => provider.GetRequiredService<PostgreSqlLedger>()));
        services.AddSingleton<PostgreSqlApprovalStore>();
        services.Replace(ServiceDescriptor.Singleton<IApprovalStore>(provider => provider.GetRequiredService<PostgreSqlApprovalStore>()));
        return services;
    }
}
