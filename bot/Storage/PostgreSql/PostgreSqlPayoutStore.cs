using System.Text.Json;
using CustomerCare.Payouts;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// The payout outbox in PostgreSQL, shared by every instance. The ledger adds an instruction in its grant's transaction
/// (<see cref="AddAsync"/>). Taking due instructions leases them with <c>FOR UPDATE SKIP LOCKED</c>, so instances
/// delivering at the same moment take different ones; a lease left by a killed instance runs out and the instruction
/// is taken again. Each change reads the row under lock and applies the domain's rule, so a retry after a lost
/// acknowledgement changes nothing twice.
/// </summary>
public sealed class PostgreSqlPayoutStore(NpgsqlDataSource dataSource) : IPayoutStore
{
    /// <summary>Adds a grant's instruction, inside the grant's own transaction.</summary>
    internal static Task<int> AddAsync(NpgsqlConnection connection, PayoutInstruction instruction, CancellationToken cancellationToken)
    {
        var state = new PayoutState(instruction, PayoutStatus.Waiting, 0, PostgreSqlCommands.Utc(instruction.GrantedUtc));
        return connection.ExecuteAsync("""
            INSERT INTO payouts (reference, status, next_attempt_utc, granted_utc, state) VALUES ($1, $2, $3, $3, $4)
            """, cancellationToken, instruction.Reference, state.Status.ToString(), state.NextAttemptUtc, Json(state));
    }

    /// <summary>
    /// Carries instructions kept elsewhere (the data file's) over, where they stood; an instruction already here stays
    /// as it is, and one whose grant is not here is left out. Returns how many were added.
    /// </summary>
    internal static async Task<int> CarryOverAsync(NpgsqlDataSource dataSource, IReadOnlyList<PayoutState> payouts, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var batch in payouts.Chunk(500))
        {
            added += await TransientFaults.RetryAsync(async ct =>
            {
                await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                var inBatch = 0;
                foreach (var state in batch)
                {
                    inBatch += await connection.ExecuteAsync("""
                        INSERT INTO payouts (reference, status, next_attempt_utc, granted_utc, state)
                        SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM ledger_entries WHERE reference = $1)
                        ON CONFLICT (reference) DO NOTHING
                        """, ct, state.Reference, state.Status.ToString(), PostgreSqlCommands.Utc(state.NextAttemptUtc), PostgreSqlCommands.Utc(state.Instruction.GrantedUtc),
                        Json(state)).ConfigureAwait(false);
                }
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return inBatch;
            }, cancellationToken).ConfigureAwait(false);
        }
        return added;
    }

    public async Task<PayoutState?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.ListAsync("SELECT state FROM payouts WHERE reference = $1", Read, cancellationToken, reference).ConfigureAwait(false)).SingleOrDefault();
    }

    public Task<IReadOnlyList<PayoutState>> TakeDueAsync(DateTime now, TimeSpan lease, int max, CancellationToken cancellationToken)
        => TransientFaults.RetryAsync<IReadOnlyList<PayoutState>>(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            return await connection.ListAsync("""
                UPDATE payouts SET lease_until = $2
                WHERE reference IN (
                    SELECT reference FROM payouts
                    WHERE status = 'Waiting' AND next_attempt_utc <= $1 AND lease_until <= $1
                    ORDER BY next_attempt_utc LIMIT $3 FOR UPDATE SKIP LOCKED)
                RETURNING state
                """, Read, ct, PostgreSqlCommands.Utc(now), PostgreSqlCommands.Utc(now + lease), Math.Max(0, max)).ConfigureAwait(false);
        }, cancellationToken);

    public Task<PayoutState?> RecordDeliveryAsync(string reference, DeliveryResult result, DateTime now, PayoutRetryPolicy retries, CancellationToken cancellationToken)
        => ChangeAsync(reference, state => state.After(result, now, retries), cancellationToken);

    public async Task<PayoutReportOutcome> ReportAsync(string reference, FinanceReport report, DateTime now, CancellationToken cancellationToken)
    {
        PayoutReportOutcome outcome = new PayoutReportOutcome.Unknown();
        await ChangeAsync(reference, state =>
        {
            outcome = state.Apply(report, now);
            return outcome is PayoutReportOutcome.Recorded recorded ? recorded.State : state;
        }, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    public Task<PayoutState?> RetryAsync(string reference, DateTime now, CancellationToken cancellationToken)
        => ChangeAsync(reference, state => state.Retried(now), cancellationToken);

    public Task<AccountChange> ChangeAccountAsync(string reference, BankAccount account, DateTime now, CancellationToken cancellationToken)
        => TransientFaults.RetryAsync<AccountChange>(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            // A leased instruction is being delivered right now: what finance gets must be what is recorded.
            var current = (await connection.ListAsync("SELECT state FROM payouts WHERE reference = $1 AND lease_until <= $2 FOR UPDATE", Read, ct,
                reference, PostgreSqlCommands.Utc(now)).ConfigureAwait(false)).SingleOrDefault();
            if (current is null)
            {
                return new AccountChange.Unknown();
            }
            var outcome = current.ChangeAccount(account, now);
            if (outcome is AccountChange.Changed changed)
            {
                await connection.ExecuteAsync("""
                    UPDATE payouts SET status = $2, next_attempt_utc = $3, lease_until = '-infinity', state = $4 WHERE reference = $1
                    """, ct, reference, changed.State.Status.ToString(), PostgreSqlCommands.Utc(changed.State.NextAttemptUtc), Json(changed.State)).ConfigureAwait(false);
            }
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return outcome;
        }, cancellationToken);

    public Task<IReadOnlyList<PayoutState>> HandOverAsync(string batch, DateTime now, int max, Func<IReadOnlyList<PayoutState>, byte[]> write, CancellationToken cancellationToken)
        => TransientFaults.RetryAsync<IReadOnlyList<PayoutState>>(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            // Locked while handed over: a dispatcher or an account change on another instance waits, then sees it sent.
            var waiting = await connection.ListAsync("""
                SELECT state FROM payouts WHERE status = 'Waiting' AND lease_until <= $1 ORDER BY granted_utc, reference FOR UPDATE SKIP LOCKED
                """, Read, ct, PostgreSqlCommands.Utc(now)).ConfigureAwait(false);
            var handed = waiting.Where(p => p.GoesInSepaFile).Take(Math.Max(0, max)).Select(p => p.HandedOver(batch, now)).ToList();
            if (handed.Count == 0)
            {
                return (IReadOnlyList<PayoutState>)handed;
            }
            var content = write(handed);
            foreach (var state in handed)
            {
                await connection.ExecuteAsync("UPDATE payouts SET status = $2, batch = $3, state = $4 WHERE reference = $1", ct,
                    state.Reference, state.Status.ToString(), batch, Json(state)).ConfigureAwait(false);
            }
            await connection.ExecuteAsync("INSERT INTO sepa_files (batch, created_utc, transfers, content) VALUES ($1, $2, $3, $4)", ct,
                batch, PostgreSqlCommands.Utc(now), handed.Count, content).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return (IReadOnlyList<PayoutState>)handed;
        }, cancellationToken);

    public async Task<SepaFile?> SepaFileAsync(string batch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.ListAsync("SELECT created_utc, transfers, content FROM sepa_files WHERE batch = $1",
            r => new SepaFile(batch, DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc), r.GetInt32(1), (byte[])r.GetValue(2)), cancellationToken, batch).ConfigureAwait(false)).SingleOrDefault();
    }

    public Task<bool> TryRecordCodeAsync(IReadOnlyList<string> references, DateTime now, int maxPerDay, CancellationToken cancellationToken)
        => TransientFaults.RetryAsync(async ct =>
        {
            var distinct = references.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var current = await connection.ListAsync("SELECT state FROM payouts WHERE reference = ANY($1) ORDER BY reference FOR UPDATE", Read, ct, (object)distinct).ConfigureAwait(false);
            if (current.Count != distinct.Length || current.Any(p => !p.MayHaveCodeSent(now, maxPerDay)))
            {
                return false;
            }
            foreach (var state in current)
            {
                // Only the state: the status, the next try and any lease stay as they are.
                await connection.ExecuteAsync("UPDATE payouts SET state = $2 WHERE reference = $1", ct, state.Reference, Json(state.WithCodeSent(now))).ConfigureAwait(false);
            }
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<PayoutState>> UntoldRejectionsAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ListAsync("""
            SELECT state FROM payouts WHERE status = 'Rejected' AND (state::jsonb ->> 'customerToldUtc') IS NULL ORDER BY granted_utc, reference LIMIT $1
            """, Read, cancellationToken, Math.Max(0, max)).ConfigureAwait(false);
    }

    public Task<PayoutState?> RecordCustomerToldAsync(string reference, DateTime now, bool reached, CancellationToken cancellationToken)
        => ChangeAsync(reference, state => state.Told(now, reached), cancellationToken);

    public async Task<IReadOnlyList<PayoutState>> ListAsync(IReadOnlyCollection<PayoutStatus> statuses, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ListAsync("SELECT state FROM payouts WHERE status = ANY($1) ORDER BY granted_utc, reference LIMIT $2", Read, cancellationToken,
            (object)statuses.Select(s => s.ToString()).ToArray(), Math.Max(0, limit)).ConfigureAwait(false);
    }

    /// <summary>Reads the row under lock, applies the change, writes it back and ends any lease.</summary>
    private Task<PayoutState?> ChangeAsync(string reference, Func<PayoutState, PayoutState> change, CancellationToken cancellationToken)
        => TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var current = (await connection.ListAsync("SELECT state FROM payouts WHERE reference = $1 FOR UPDATE", Read, ct, reference).ConfigureAwait(false)).SingleOrDefault();
            if (current is null)
            {
                return null;
            }
            var changed = change(current);
            await connection.ExecuteAsync("""
                UPDATE payouts SET status = $2, next_attempt_utc = $3, lease_until = '-infinity', state = $4 WHERE reference = $1
                """, ct, reference, changed.Status.ToString(), PostgreSqlCommands.Utc(changed.NextAttemptUtc), Json(changed)).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return (PayoutState?)changed;
        }, cancellationToken);

    private static string Json(PayoutState state) => JsonSerializer.Serialize(state, LedgerJson.Options);

    private static PayoutState Read(NpgsqlDataReader reader) => JsonSerializer.Deserialize<PayoutState>(reader.GetString(0), LedgerJson.Options)!;
}
