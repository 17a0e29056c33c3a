using CustomerCare.Cases;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Cases in PostgreSQL, shared by every instance: an agent takes a case on one instance, speaks and grants through
/// another. Each change is one conditional statement (or one transaction), so of two agents taking a case at once
/// exactly one gets it. Every change carries an id: retried after a lost acknowledgement, it recognises itself.
/// </summary>
public sealed class PostgreSqlCaseStore(NpgsqlDataSource dataSource, TimeProvider clock, ICaseChanges? changes = null, TurnReads? reads = null) : ICaseStore
{
    private static readonly string Open = CaseRows.Name(CaseStatus.Open);
    private static readonly string Taken = CaseRows.Name(CaseStatus.Taken);

    public async Task<CaseFile> OpenAsync(CaseFile caseFile, CancellationToken cancellationToken)
    {
        reads?.ForgetCases();
        var openedBy = Guid.NewGuid();
        var stored = await TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            var candidate = caseFile;
            while (true)
            {
                var inserted = await connection.ExecuteAsync("""
                    INSERT INTO cases (reference, status, channel_id, conversation_id, opened_utc, file, opened_by)
                    VALUES ($1, $2, $3, $4, $5, $6, $7)
                    ON CONFLICT DO NOTHING
                    """, ct, candidate.Reference, Open, candidate.ChannelId, candidate.ConversationId, PostgreSqlCommands.Utc(candidate.OpenedUtc),
                    CaseRows.Json(candidate), openedBy).ConfigureAwait(false);
                if (inserted == 1)
                {
                    return candidate;
                }
                // An earlier try committed unacknowledged; or the reference is another case's, and this one gets a fresh one.
                if (await connection.ScalarAsync<string>("SELECT reference FROM cases WHERE opened_by = $1", ct, openedBy).ConfigureAwait(false) is { } reference)
                {
                    return candidate with { Reference = reference };
                }
                candidate = candidate with { Reference = CaseReferences.New() };
            }
        }, CancellationToken.None, attempts: TransientFaults.AttemptsUntilKnown).ConfigureAwait(false);
        reads?.ForgetCases();
        if (changes is not null)
        {
            await changes.OpenedAsync(stored).ConfigureAwait(false);
        }
        return stored;
    }

    public async Task<IReadOnlyList<CaseFile>> ListOpenAsync(CancellationToken cancellationToken)
        => (await RowsAsync("status = $1 ORDER BY opened_utc", cancellationToken, Open).ConfigureAwait(false)).Select(r => r.File).ToList();

    public async Task<CaseFile?> FindAsync(string reference, CancellationToken cancellationToken)
        => (await RowAsync(reference, cancellationToken).ConfigureAwait(false))?.File;

    public async Task<HeldCase?> FindHeldAsync(string reference, CancellationToken cancellationToken)
        => (await RowAsync(reference, cancellationToken).ConfigureAwait(false))?.Held();

    public Task<CaseClaim> TryTakeAsync(string reference, string agentId, string agentName, CancellationToken cancellationToken)
        => ChangeAsync(async (connection, changeId, ct) =>
        {
            var takenUtc = clock.GetUtcNow().UtcDateTime;
            var taken = await connection.ScalarAsync<string>("""
                UPDATE cases SET status = $2, agent_id = $3, agent_name = $4, taken_utc = $5, change_id = $6
                WHERE reference = $1 AND status = $7
                RETURNING reference
                """, ct, reference, Taken, agentId, agentName, takenUtc, changeId, Open).ConfigureAwait(false);
            return taken is not null || await IsOwnChangeAsync(connection, reference, changeId, ct).ConfigureAwait(false)
                ? new CaseClaim(true, true, agentId, agentName, Newly: true)
                : await HolderAsync(connection, reference, agentId, ct).ConfigureAwait(false);
        }, claim => claim.Newly ? (list, row) => list.HeldByAsync(row, agentName) : null, reference, cancellationToken);

    public Task<CaseClaim> TryTakeOverAsync(string reference, string agentId, string agentName, CancellationToken cancellationToken)
        => ChangeAsync(async (connection, changeId, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var held = await connection.ListAsync("SELECT status, agent_id, agent_name, change_id FROM cases WHERE reference = $1 FOR UPDATE",
                r => (Status: r.GetString(0), Holder: r.NullableString(1), HolderName: r.NullableString(2), Change: r.IsDBNull(3) ? (Guid?)null : r.GetGuid(3)),
                ct, reference).ConfigureAwait(false);
            if (held is not [var current])
            {
                return CaseClaim.Missing;
            }
            if (current.Change == changeId)
            {
                var previous = await connection.ScalarAsync<string>("SELECT from_name FROM case_handovers WHERE reference = $1 ORDER BY id DESC LIMIT 1", ct, reference).ConfigureAwait(false);
                return new CaseClaim(true, true, agentId, agentName, Newly: true, PreviousAgentName: previous);
            }
            if (current.Status != Taken || current.Holder == agentId)
            {
                return new CaseClaim(true, current.Holder == agentId, current.Holder, current.HolderName);
            }
            await connection.ExecuteAsync("UPDATE cases SET agent_id = $2, agent_name = $3, change_id = $4 WHERE reference = $1", ct,
                reference, agentId, agentName, changeId).ConfigureAwait(false);
            await connection.ExecuteAsync("INSERT INTO case_handovers (reference, from_id, from_name, to_id, to_name, at_utc) VALUES ($1, $2, $3, $4, $5, $6)", ct,
                reference, current.Holder, current.HolderName, agentId, agentName, clock.GetUtcNow().UtcDateTime).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return new CaseClaim(true, true, agentId, agentName, Newly: true, PreviousAgentName: current.HolderName);
        }, claim => claim.Newly ? (list, row) => list.HeldByAsync(row, agentName) : null, reference, cancellationToken);

    public Task<bool> TryMoveAsync(string reference, CaseStatus to, int? rating, CancellationToken cancellationToken)
        => ChangeAsync(async (connection, changeId, ct) =>
        {
            var moved = await connection.ExecuteAsync("""
                UPDATE cases SET status = $2,
                    ended_utc = CASE WHEN $3 AND ended_utc IS NULL THEN $4 ELSE ended_utc END,
                    rating = COALESCE($5, rating), change_id = $6
                WHERE reference = $1 AND status = ANY($7)
                """, ct, reference, CaseRows.Name(to), to is CaseStatus.Rating or CaseStatus.Closed, clock.GetUtcNow().UtcDateTime,
                new NpgsqlParameter { Value = (object?)rating ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer }, changeId, CaseRows.From(to)).ConfigureAwait(false);
            return moved == 1 || await IsOwnChangeAsync(connection, reference, changeId, ct).ConfigureAwait(false);
        }, moved => moved && rating is { } value ? (list, row) => list.RatedAsync(row, value) : null, reference, cancellationToken);

    public Task AttachAgentThreadAsync(string reference, AgentThread thread, CancellationToken cancellationToken)
        => UpdateAsync("""
            UPDATE cases SET agent_thread_id = $2, agent_card_activity_id = $3, agent_service_url = $4, agent_bot_id = $5 WHERE reference = $1
            """, cancellationToken, reference, thread.ThreadId, thread.CardActivityId, thread.ServiceUrl, thread.BotId);

    public Task AddNoteAsync(string reference, string author, string text, DateTime atUtc, CancellationToken cancellationToken)
        => UpdateAsync("""
            INSERT INTO case_notes (id, reference, author, text, at_utc)
            SELECT $1, reference, $3, $4, $5 FROM cases WHERE reference = $2
            ON CONFLICT (id) DO NOTHING
            """, cancellationToken, Guid.NewGuid(), reference, author, text, PostgreSqlCommands.Utc(atUtc));

    public Task SetCallbackEmailAsync(string reference, string email, CancellationToken cancellationToken)
        => UpdateAsync("UPDATE cases SET callback_email = $2 WHERE reference = $1", cancellationToken, reference, email);

    /// <remarks>Leaves <c>change_id</c> to the changes of hands and status: a take retried meanwhile still recognises itself.</remarks>
    public Task<bool> TryMarkWaitNoticeAsync(string reference, CancellationToken cancellationToken)
        => ChangeAsync(async (connection, noticeId, ct) =>
            await connection.ExecuteAsync("UPDATE cases SET wait_notice_sent = true, wait_notice_id = $2 WHERE reference = $1 AND NOT wait_notice_sent", ct,
                reference, noticeId).ConfigureAwait(false) == 1
            || await connection.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM cases WHERE reference = $1 AND wait_notice_id = $2)", ct, reference, noticeId).ConfigureAwait(false),
            _ => null, reference, cancellationToken);

    public async Task<HeldCase?> HeldForCustomerAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        if (reads?.TryTakeHeld(channelId, conversationId, out var held) == true)
        {
            return held;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.ListAsync(CaseRows.HeldForCustomerSql, CaseRows.Read, cancellationToken, CaseRows.HeldForCustomerParameters(channelId, conversationId)).ConfigureAwait(false);
        return rows.SingleOrDefault()?.Held();
    }

    public async Task<HeldCase?> InThreadAsync(string threadId, CancellationToken cancellationToken)
        => (await RowsAsync("agent_thread_id = $1 ORDER BY opened_utc LIMIT 1", cancellationToken, threadId).ConfigureAwait(false)).SingleOrDefault()?.Held();

    public async Task<CaseFile?> OpenForCustomerAsync(string channelId, string conversationId, CancellationToken cancellationToken)
        => (await RowsAsync("conversation_id = $1 AND channel_id = $2 AND status = $3 ORDER BY opened_utc DESC LIMIT 1", cancellationToken,
            conversationId, channelId, Open).ConfigureAwait(false)).SingleOrDefault()?.File;

    public async Task<IReadOnlyList<CaseFile>> WaitingSinceAsync(DateTime cutoffUtc, CancellationToken cancellationToken)
        => (await RowsAsync("status = $1 AND opened_utc < $2 AND NOT wait_notice_sent ORDER BY opened_utc", cancellationToken, Open, PostgreSqlCommands.Utc(cutoffUtc))
            .ConfigureAwait(false)).Select(r => r.File).ToList();

    public async Task<IReadOnlyList<CaseHistory>> ForConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.ListAsync($"SELECT {CaseRows.Columns} FROM cases WHERE conversation_id = $1 AND channel_id = $2 ORDER BY opened_utc",
            CaseRows.Read, cancellationToken, conversationId, channelId).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return [];
        }
        var references = rows.Select(r => r.File.Reference).ToArray();
        var notes = (await connection.ListAsync("SELECT reference, author, text, at_utc FROM case_notes WHERE reference = ANY($1) ORDER BY at_utc, id",
            r => (Case: r.GetString(0), Note: new CaseNote(r.GetString(1), r.GetString(2), r.GetDateTime(3))), cancellationToken, (object)references).ConfigureAwait(false))
            .ToLookup(n => n.Case, n => n.Note);
        var handovers = (await connection.ListAsync("SELECT reference, from_id, from_name, to_id, to_name, at_utc FROM case_handovers WHERE reference = ANY($1) ORDER BY id",
            r => (Case: r.GetString(0), Handover: new CaseHandover(r.NullableString(1) ?? string.Empty, r.NullableString(2), r.GetString(3), r.GetString(4), r.GetDateTime(5))),
            cancellationToken, (object)references).ConfigureAwait(false)).ToLookup(h => h.Case, h => h.Handover);
        return rows.Select(r => r.History([.. notes[r.File.Reference]], [.. handovers[r.File.Reference]])).ToList();
    }

    private async Task<CaseRow?> RowAsync(string reference, CancellationToken cancellationToken)
        => (await RowsAsync("reference = $1", cancellationToken, reference).ConfigureAwait(false)).SingleOrDefault();

    private async Task<List<CaseRow>> RowsAsync(string where, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ListAsync($"SELECT {CaseRows.Columns} FROM cases WHERE {where}", CaseRows.Read, cancellationToken, parameters).ConfigureAwait(false);
    }

    /// <remarks>What a turn read of a held case before or during the change is not given out after it (<see cref="TurnReads"/>).</remarks>
    private async Task UpdateAsync(string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        reads?.ForgetCases();
        await TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            return await connection.ExecuteAsync(sql, ct, parameters).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        reads?.ForgetCases();
    }

    /// <summary>
    /// Runs a change under one id through to a known outcome (the caller's cancellation is not honoured once it has
    /// begun), then tells the supervisors' list what <paramref name="listed"/> says changed (the case is read for it only then).
    /// </summary>
    private async Task<T> ChangeAsync<T>(Func<NpgsqlConnection, Guid, CancellationToken, Task<T>> change, Func<T, Func<ICaseChanges, CaseFile, Task>?> listed, string reference,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        reads?.ForgetCases();
        var changeId = Guid.NewGuid();
        var outcome = await TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            return await change(connection, changeId, ct).ConfigureAwait(false);
        }, CancellationToken.None, attempts: TransientFaults.AttemptsUntilKnown).ConfigureAwait(false);
        reads?.ForgetCases();
        if (changes is not null && listed(outcome) is { } listing && await RowAsync(reference, CancellationToken.None).ConfigureAwait(false) is { } row)
        {
            await listing(changes, row.File).ConfigureAwait(false);
        }
        return outcome;
    }

    private static async Task<bool> IsOwnChangeAsync(NpgsqlConnection connection, string reference, Guid changeId, CancellationToken cancellationToken)
        => await connection.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM cases WHERE reference = $1 AND change_id = $2)", cancellationToken, reference, changeId).ConfigureAwait(false);

    private static async Task<CaseClaim> HolderAsync(NpgsqlConnection connection, string reference, string agentId, CancellationToken cancellationToken)
    {
        var holders = await connection.ListAsync("SELECT agent_id, agent_name FROM cases WHERE reference = $1",
            r => (Id: r.NullableString(0), Name: r.NullableString(1)), cancellationToken, reference).ConfigureAwait(false);
        return holders is [var holder] ? new CaseClaim(true, holder.Id == agentId, holder.Id, holder.Name) : CaseClaim.Missing;
    }
}
