using System.Security.Cryptography;
using System.Text;
using CustomerCare.Ledger;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Writes a ledger carried over from another store into PostgreSQL: each grant with its claims (or the older key it
/// holds), each refused attempt. Running it again adds nothing: rows are keyed by the grant's reference and by an
/// attempt id derived from what they record. Grants go in batches, one transaction each.
/// </summary>
public static class LedgerCarryOver
{
    private const int Batch = 500;

    public sealed record Result(int GrantsAdded, int RefusalsAdded);

    public static async Task<Result> CarryOverAsync(NpgsqlDataSource dataSource, CarriedLedger ledger, CancellationToken cancellationToken)
    {
        var (grants, refusals) = (0, 0);
        foreach (var batch in ledger.Grants.Chunk(Batch))
        {
            grants += await TransientFaults.RetryAsync(async ct =>
            {
                await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                var added = 0;
                foreach (var grant in batch)
                {
                    added += await LedgerRows.InsertEntryAsync(connection, grant.Entry, AttemptOf("grant", grant.Entry.Reference), ct, carried: true).ConfigureAwait(false);
                    await LedgerRows.InsertClaimsAsync(connection, grant.Entry.Reference, grant.Claims, ct, carried: true).ConfigureAwait(false);
                    if (grant.OlderKey is { } key)
                    {
                        await connection.ExecuteAsync("INSERT INTO ledger_older_keys (key, reference) VALUES ($1, $2) ON CONFLICT DO NOTHING", ct, key, grant.Entry.Reference).ConfigureAwait(false);
                    }
                }
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return added;
            }, cancellationToken).ConfigureAwait(false);
        }
        foreach (var batch in ledger.Refusals.Chunk(Batch))
        {
            refusals += await TransientFaults.RetryAsync(async ct =>
            {
                await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                var added = 0;
                foreach (var refusal in batch)
                {
                    var attempt = AttemptOf("refusal", refusal.Entitlement, refusal.Reference, refusal.ActorId, refusal.AttemptedUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    added += await LedgerRows.InsertRefusalAsync(connection, attempt, refusal, ct).ConfigureAwait(false);
                }
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return added;
            }, cancellationToken).ConfigureAwait(false);
        }
        return new Result(grants, refusals);
    }

    /// <summary>The same id for the same row however often it is carried over.</summary>
    private static Guid AttemptOf(params string[] parts)
        => new(SHA256.HashData(Encoding.UTF8.GetBytes("carried|" + string.Join('|', parts)))[..16]);
}
