using System.Text.Json;
using CustomerCare.Ledger;
using CustomerCare.Payouts;
using CustomerCare.Privacy;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Pseudonymises grants in PostgreSQL with their payouts (<see cref="LedgerPseudonyms"/>): in one transaction per
/// batch that locks the grants' rows (skipping any another instance holds) and tells every instance, as a grant does,
/// to forget what it kept of bookings' grants. A grant whose payout is not paid is left whole.
/// </summary>
internal static class PostgreSqlLedgerPseudonyms
{
    private const string Select = """
        SELECT l.reference, l.entry, p.state FROM ledger_entries l LEFT JOIN payouts p ON p.reference = l.reference
        WHERE NOT l.pseudonymised AND (p.reference IS NULL OR p.status = 'Paid') AND
        """;

    /// <summary>Every grant made before the cutoff, in batches; returns how many were pseudonymised.</summary>
    public static async Task<int> GrantedBeforeAsync(NpgsqlDataSource dataSource, DateTime cutoffUtc, int batch)
    {
        var total = 0;
        int done;
        do
        {
            done = await ApplyAsync(dataSource, Select + " l.granted_utc < $1 ORDER BY l.granted_utc LIMIT $2 FOR UPDATE OF l SKIP LOCKED", cutoffUtc, batch).ConfigureAwait(false);
            total += done;
        }
        while (done == batch);
        return total;
    }

    /// <summary>These grants, whenever made (an erasure); returns how many were pseudonymised.</summary>
    public static Task<int> GrantsAsync(NpgsqlDataSource dataSource, IReadOnlyCollection<string> references)
        => references.Count == 0 ? Task.FromResult(0) : ApplyAsync(dataSource, Select + " l.reference = ANY($1) FOR UPDATE OF l", (object)references.ToArray());

    private static Task<int> ApplyAsync(NpgsqlDataSource dataSource, string select, params object[] parameters)
        => TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var rows = await connection.ListAsync(select, r => (Entry: Read<LedgerEntry>(r.GetString(1)), Payout: r.IsDBNull(2) ? null : Read<PayoutState>(r.GetString(2))), ct, parameters)
                .ConfigureAwait(false);
            if (rows.Count == 0)
            {
                return 0;
            }
            var entries = rows.Select(r => LedgerPseudonyms.Of(r.Entry)).ToList();
            await connection.ExecuteAsync("""
                UPDATE ledger_entries l SET entry = v.entry, pseudonymised = true
                FROM unnest($1::text[], $2::text[]) AS v (reference, entry) WHERE l.reference = v.reference
                """, ct, entries.Select(e => e.Reference).ToArray(), entries.Select(e => JsonSerializer.Serialize(e, LedgerJson.Options)).ToArray()).ConfigureAwait(false);
            var payouts = rows.Select(r => r.Payout).OfType<PayoutState>().Select(LedgerPseudonyms.Of).ToList();
            await connection.ExecuteAsync("""
                UPDATE payouts p SET state = v.state
                FROM unnest($1::text[], $2::text[]) AS v (reference, state) WHERE p.reference = v.reference AND p.status = 'Paid'
                """, ct, payouts.Select(p => p.Reference).ToArray(), payouts.Select(p => JsonSerializer.Serialize(p, LedgerJson.Options)).ToArray()).ConfigureAwait(false);
            await connection.ExecuteAsync("NOTIFY " + PostgreSqlLedger.Channel, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return rows.Count;
        }, CancellationToken.None);

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, LedgerJson.Options)!;
}
