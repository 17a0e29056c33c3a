using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Runs a unit of work again when PostgreSQL reports a fault that a new attempt can clear: a dropped or refused
/// connection, a failover, a deadlock or serialization failure, a prepared statement a migration outdated. Each attempt is a whole transaction, so a retry never
/// half-repeats one. Up to five attempts (about 1.5 s), with exponential backoff and jitter.
/// </summary>
public static class TransientFaults
{
    public const int Attempts = 5;

    /// <summary>
    /// For work whose result the customer must learn (a grant, a decision): attempts over some 10 s, so a failover
    /// or a lost acknowledgement of a commit ends with the outcome as committed rather than an error.
    /// </summary>
    public const int AttemptsUntilKnown = 8;

    public static async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken, Func<Exception, bool>? alsoRetry = null, int attempts = Attempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < attempts && (IsTransient(e) || alsoRetry?.Invoke(e) == true))
            {
                await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } => true,
        // A statement prepared before a migration changed its result's type ("cached plan must not change result
        // type"): the server drops the plan with the error, so the next try prepares it afresh.
        PostgresException { SqlState: PostgresErrorCodes.FeatureNotSupported, Routine: "RevalidateCachedQuery" } => true,
        NpgsqlException npgsql => npgsql.IsTransient,
        TimeoutException => true,
        _ => false,
    };

    private static TimeSpan Backoff(int attempt)
        => TimeSpan.FromMilliseconds((25 << attempt) + Random.Shared.Next(0, 25 << attempt));
}
