using System.Security.Cryptography;
using System.Text;
using CustomerCare.Ledger;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Writes a ledger carried over from another store into PostgreSQL: each grant with its claims (or the older key it
/// holds), each refused attempt. Running it again adds nothing: rows are keyed by the grant's reference and by an
/// attempt id derived from what they record. Grants go in batches, one transaction each. A grant of the data file
/// whose entitlement PostgreSQL already holds under another grant (both stores granted it) is carried, and named in
/// the result: it was paid twice before the move. A different grant under the same reference stops the carry-over.
/// </summary>
public static class LedgerCarryOver
{
    private const int Batch = 500;

    /// <param name="HeldTwice">References of carried grants whose entitlements PostgreSQL already held under another grant.</param>
    public sealed record Result(int GrantsAdded, int RefusalsAdded, IReadOnlyList<string> HeldTwice);

    public static async Task<Result> CarryOverAsync(NpgsqlDataSource dataSource, CarriedLedger ledger, CancellationToken cancellationToken)
    {
        var (grants, refusals) = (0, 0);
        var heldTwice = new List<string>();
        foreach (var batch in ledger.Grants.Chunk(Batch))
        {
            var (added, twice) = await TransientFaults.RetryAsync(async ct =>
            {
                await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                var (added, twice) = (0, new List<string>());
                foreach (var grant in batch)
                {
                    var attempt = AttemptOf("grant", grant.Entry.Reference);
                    if (await LedgerRows.InsertEntryAsync(connection, grant.Entry, attempt, ct, carried: true).ConfigureAwait(false) == 0)
                    {
                        // There already: carried by an earlier start (with its claims), or another grant under the same reference.
                        if (await connection.ScalarAsync<Guid?>("SELECT attempt FROM ledger_entries WHERE reference = $1", ct, grant.Entry.Reference).ConfigureAwait(false) != attempt)
                        {
                            throw new InvalidOperationException(
                                $"Grant {grant.Entry.Reference} of the data file cannot be carried over: PostgreSQL holds a different grant under the same reference. Compare the two and resolve it before the bot starts on PostgreSQL.");
                        }
                        continue;
                    }
                    added++;
                    if (await LedgerRows.InsertClaimsAsync(connection, grant.Entry.Reference, grant.Claims, ct, carried: true).ConfigureAwait(false) < grant.Claims.Count)
                    {
                        twice.Add(grant.Entry.Reference);
                    }
                    if (grant.OlderKey is { } key
                        && await connection.ExecuteAsync("INSERT INTO ledger_older_keys (key, reference) VALUES ($1, $2) ON CONFLICT DO NOTHING", ct, key, grant.Entry.Reference).ConfigureAwait(false) == 0)
                    {
                        twice.Add(grant.Entry.Reference);
                    }
                }
                if (added > 0)
                {
                    // Running instances forget the bookings' grants they kept, as for any grant, when this batch commits.
                    await connection.ExecuteAsync("NOTIFY " + PostgreSqlLedger.Channel, ct).ConfigureAwait(false);
                }
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return (added, twice);
            }, cancellationToken).ConfigureAwait(false);
            grants += added;
            heldTwice.AddRange(twice.Distinct());
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
        return new Result(grants, refusals, heldTwice);
    }

    /// <summary>The same id for the same row however often it is carried over.</summary>
    private static Guid AttemptOf(params string[] parts)
        => new(SHA256.HashData(Encoding.UTF8.GetBytes("carried|" + string.Join('|', parts)))[..16]);
}
