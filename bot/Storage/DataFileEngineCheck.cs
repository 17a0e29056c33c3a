using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// Liveness (and readiness) of the data file: unhealthy once LiteDB has closed its engine, which only a restart undoes.
/// With PostgreSQL as the store there is no data file, and the check says so.
/// </summary>
public sealed class DataFileEngineCheck(IServiceProvider services, IOptions<StorageOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.Provider != StorageProvider.LiteDb)
        {
            return Task.FromResult(HealthCheckResult.Healthy("no data file: the store is PostgreSQL"));
        }
        return Task.FromResult(services.GetRequiredService<LiteDbFile>().EngineClosedBy is null
            ? HealthCheckResult.Healthy("the data file's engine is open")
            : HealthCheckResult.Unhealthy("the data file's engine was closed by an error (the log says which); the process must restart"));
    }
}
