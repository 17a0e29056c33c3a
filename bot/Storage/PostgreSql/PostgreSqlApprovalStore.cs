using System.Text.Json;
using CustomerCare.Ledger;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Approval requests in PostgreSQL. A request locks the passenger identities it would claim while it looks for one
/// already pending, so simultaneous requests from any instance leave one pending request per passenger's entitlement.
/// A decision locks its request's row: it is decided exactly once, by a decline here or by the ledger's grant.
/// </summary>
public sealed class PostgreSqlApprovalStore(NpgsqlDataSource dataSource) : IApprovalStore
{
    /// <summary>The lock key of an identity for requests (the ledger's grants lock the identity itself).</summary>
    private static string RequestLock(EntitlementClaim claim) => "approval|" + claim.Identity;

    public Task<ApprovalRequest> RequestAsync(ApprovalRequest request, IReadOnlyCollection<EntitlementClaim> claims, CancellationToken cancellationToken)
        => TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await connection.LockAsync(claims.Select(RequestLock), ct).ConfigureAwait(false);
            var pending = await connection.ListAsync("""
                SELECT a.request, c.claim, c.ticket, c.journey_date
                FROM approval_claims c JOIN approvals a ON a.id = c.approval
                WHERE a.status = 'Pending' AND c.claim = ANY($1)
                ORDER BY a.requested_utc
                """, r => (Request: r.GetString(0), Claim: r.GetString(1), Ticket: r.NullableString(2), Day: r.NullableDate(3)),
                ct, (object)claims.Select(c => c.Id).Distinct().ToArray()).ConfigureAwait(false);
            // One pending request per passenger's entitlement: asking again returns the one already waiting (another
            // passenger of the same name, told apart by ticket, gets a request of their own).
            if (pending.FirstOrDefault(p => claims.Any(c => c.Id == p.Claim && c.HeldBy(p.Ticket, p.Day))) is { Request: not null } waiting)
            {
                return Read(waiting.Request);
            }
            var stored = request;
            while (await connection.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM approvals WHERE id = $1)", ct, stored.Id).ConfigureAwait(false))
            {
                stored = stored with { Id = ApprovalReferences.New() };
            }
            await connection.ExecuteAsync("INSERT INTO approvals (id, status, requested_utc, decided_utc, request) VALUES ($1, $2, $3, $4, $5)", ct,
                stored.Id, stored.Status.ToString(), stored.RequestedUtc, stored.DecidedUtc, Json(stored)).ConfigureAwait(false);
            await connection.ExecuteAsync("""
                INSERT INTO approval_claims (approval, claim, ticket, journey_date)
                SELECT $1, c, t, d FROM unnest($2::text[], $3::text[], $4::date[]) AS x (c, t, d)
                """, ct, stored.Id, claims.Select(c => c.Id).ToArray(), claims.Select(c => c.TicketNumber).ToArray(), claims.Select(c => c.JourneyDate).ToArray()).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return stored;
        }, cancellationToken);

    public async Task<ApprovalRequest?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ScalarAsync<string>("SELECT request FROM approvals WHERE id = $1", cancellationToken, id).ConfigureAwait(false) is { } json ? Read(json) : null;
    }

    /// <summary>Every pending request, oldest first, then the newest decided ones: each through its partial index.</summary>
    public async Task<IReadOnlyList<ApprovalRequest>> ListAsync(int decidedToShow, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var pending = await connection.ListAsync("SELECT request FROM approvals WHERE status = 'Pending' ORDER BY requested_utc",
            r => Read(r.GetString(0)), cancellationToken).ConfigureAwait(false);
        var decided = await connection.ListAsync("SELECT request FROM approvals WHERE decided_utc IS NOT NULL ORDER BY decided_utc DESC LIMIT $1",
            r => Read(r.GetString(0)), cancellationToken, Math.Max(0, decidedToShow)).ConfigureAwait(false);
        return [.. pending, .. decided];
    }

    /// <remarks>Carried through once begun, and retried until its outcome is known; a retry after a lost acknowledgement recognises its own decline.</remarks>
    public Task<ApprovalTransition> TryDeclineAsync(string id, GrantActor supervisor, DateTime atUtc, string? note, CancellationToken cancellationToken)
        => TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var transition = await DecideAsync(connection, id, r => r with { Status = ApprovalStatus.Declined, DecidedBy = supervisor, DecidedUtc = atUtc, Note = note }, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return transition is ApprovalTransition.AlreadyDecided { Request: { Status: ApprovalStatus.Declined } decided }
                   && decided.DecidedBy == supervisor && decided.DecidedUtc == atUtc && decided.Note == note
                ? new ApprovalTransition.Decided(decided)
                : transition;
        }, CancellationToken.None, attempts: TransientFaults.AttemptsUntilKnown);

    /// <summary>Inside a transaction: an approval is granted only while its request is pending (null), else why not. Locks the request until the transaction ends.</summary>
    internal static async Task<GrantRefusal?> WhyNotGrantableAsync(NpgsqlConnection connection, string id, CancellationToken cancellationToken)
        => await connection.ScalarAsync<string>("SELECT status FROM approvals WHERE id = $1 FOR UPDATE", cancellationToken, id).ConfigureAwait(false) switch
        {
            null => GrantRefusal.ApprovalNotFound,
            nameof(ApprovalStatus.Pending) => null,
            _ => GrantRefusal.AlreadyDecided,
        };

    /// <summary>
    /// Inside a transaction (the ledger's, when an approval is granted): moves the request from pending as
    /// <paramref name="decide"/> says; a request that is not pending is left as it is.
    /// </summary>
    internal static async Task<ApprovalTransition> DecideAsync(NpgsqlConnection connection, string id, Func<ApprovalRequest, ApprovalRequest> decide, CancellationToken cancellationToken)
    {
        if (await connection.ScalarAsync<string>("SELECT request FROM approvals WHERE id = $1 FOR UPDATE", cancellationToken, id).ConfigureAwait(false) is not { } json)
        {
            return new ApprovalTransition.NotFound();
        }
        var request = Read(json);
        if (request.Status != ApprovalStatus.Pending)
        {
            return new ApprovalTransition.AlreadyDecided(request);
        }
        var decided = decide(request);
        await connection.ExecuteAsync("UPDATE approvals SET status = $2, decided_utc = $3, request = $4 WHERE id = $1", cancellationToken,
            id, decided.Status.ToString(), decided.DecidedUtc, Json(decided)).ConfigureAwait(false);
        return new ApprovalTransition.Decided(decided);
    }

    private static string Json(ApprovalRequest request) => JsonSerializer.Serialize(request, LedgerJson.Options);

    private static ApprovalRequest Read(string json) => JsonSerializer.Deserialize<ApprovalRequest>(json, LedgerJson.Options)!;
}
