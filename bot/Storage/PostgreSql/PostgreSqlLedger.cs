using CustomerCare.Builder;
using System.Text.Json;
using CustomerCare.Ledger;
using CustomerCare.Payouts;
using CustomerCare.Remedies;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// The compensation ledger in PostgreSQL, shared by every instance of the bot. A grant is one transaction: it locks each
/// passenger identity it claims (<see cref="EntitlementClaims"/>), reads what those identities already hold, and
/// either records the grant with its claims (and the approval it carries) or records the refused attempt — so of any
/// number of simultaneous attempts on one entitlement, from any instance, exactly one is granted. The same claim can
/// never be stored twice (a unique constraint). A grant is reported once its transaction has committed; a fault that
/// leaves the commit unknown is retried as the same attempt, which then finds its own grant instead of a second one.
/// </summary>
/// <param name="newReference">Where grant references come from (tests choose colliding ones); <see cref="LedgerReferences.New"/> by default.</param>
/// <param name="recorded">Told of each grant once it has committed (the supervisors' conversation list counts it); it must not throw.</param>
public sealed class PostgreSqlLedger(NpgsqlDataSource dataSource, TimeProvider clock, Func<string>? newReference = null, Func<LedgerEntry, Task>? recorded = null)
    : ICompensationLedger, ILedgerHistory
{
    /// <summary>The notification a grant sends when it commits (bookings' grants kept in memory are forgotten, see <see cref="StoreChanges"/>).</summary>
    public const string Channel = "ledger_changed";

    private readonly Func<string> _newReference = newReference ?? LedgerReferences.New;
    private readonly KeptWhileListening<IReadOnlyList<LedgerEntry>> _byBooking = new();

    /// <summary>Listening for grants: a booking's grants may be kept from now on.</summary>
    internal void StartKeeping() => _byBooking.StartKeeping();

    internal void StopKeeping() => _byBooking.StopKeeping();

    /// <summary>A grant committed somewhere.</summary>
    internal void Forget() => _byBooking.Forget();

    public async Task<GrantOutcome> TryGrantAsync(GrantRequest request, CancellationToken cancellationToken)
    {
        if (request.Violation() is { } violation)
        {
            return new GrantOutcome.Refused(violation);
        }
        var attempt = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = request.Claims.DistinctBy(c => c.Id).ToList();
        // A claim stored meanwhile by a writer that did not hold the lock would fail the insert: the next attempt sees it.
        // Once begun, a grant is carried through whatever the caller's cancellation (a dropped request): stopped at its
        // commit it could be made without the customer ever being told.
        GrantOutcome outcome;
        try
        {
            outcome = await TransientFaults.RetryAsync(ct => GrantAsync(request, claims, attempt, now, ct), CancellationToken.None,
                alsoRetry: e => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }, attempts: TransientFaults.AttemptsUntilKnown).ConfigureAwait(false);
        }
        finally
        {
            // Whatever happened, this instance's next read of the booking's grants goes to the database.
            Forget();
        }
        if (outcome is GrantOutcome.Granted granted && recorded is not null)
        {
            await recorded(granted.Entry).ConfigureAwait(false);
        }
        return outcome;
    }

    private async Task<GrantOutcome> GrantAsync(GrantRequest request, IReadOnlyList<EntitlementClaim> claims, Guid attempt, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.LockAsync(claims.Select(c => c.Identity), cancellationToken).ConfigureAwait(false);
        // An earlier try of this attempt that committed, though its acknowledgement was lost: its outcome stands.
        if (await EntryAsync(connection, "attempt = $1", attempt, cancellationToken).ConfigureAwait(false) is { } own)
        {
            return new GrantOutcome.Granted(own);
        }
        if (await connection.ScalarAsync<string>("SELECT reference FROM ledger_refusals WHERE attempt = $1", cancellationToken, attempt).ConfigureAwait(false) is { } refusedFor)
        {
            return new GrantOutcome.AlreadyGranted((await EntryAsync(connection, "reference = $1", refusedFor, cancellationToken).ConfigureAwait(false))!);
        }
        if (request.Approval is { } approval && await PostgreSqlApprovalStore.WhyNotGrantableAsync(connection, approval.ApprovalId, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return new GrantOutcome.Refused(refusal);
        }
        if (await connection.ScalarAsync<string>("SELECT key FROM ledger_older_keys WHERE key = ANY($1) LIMIT 1", cancellationToken,
                (object)EntitlementClaims.LegacyKeys(request.Who, request.Family).ToArray()).ConfigureAwait(false) is { } olderKey)
        {
            var holder = (await OlderEntriesAsync(connection, [olderKey], cancellationToken).ConfigureAwait(false))[0];
            await RefuseAsync(connection, request, attempt, olderKey, holder, now, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new GrantOutcome.AlreadyGranted(holder);
        }
        var held = await HeldAsync(connection, claims, cancellationToken).ConfigureAwait(false);
        if (held.Count > 0)
        {
            var collision = held[0];
            var existing = (await EntryAsync(connection, "reference = $1", collision.Reference, cancellationToken).ConfigureAwait(false))!;
            await RefuseAsync(connection, request, attempt, collision.Claim.Id, existing, now, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new GrantOutcome.AlreadyGranted(existing);
        }
        var entry = new LedgerEntry(await UnusedReferenceAsync(connection, cancellationToken).ConfigureAwait(false), request.Subject, request.Remedies,
            request.PolicyVersion, request.Actor, now, request.OverrideReason, request.Tier, request.SeverityBand)
        {
            UsesUp = request.UsesUp,
            Approval = request.Approval,
            Choice = request.Choice,
            Receipts = request.Receipts,
        };
        await LedgerRows.InsertEntryAsync(connection, entry, attempt, cancellationToken).ConfigureAwait(false);
        // What finance is to pay, in the grant's own transaction: a grant is never without its instruction.
        if (PayoutInstruction.For(entry) is { } payout)
        {
            await PostgreSqlPayoutStore.AddAsync(connection, payout, cancellationToken).ConfigureAwait(false);
        }
        await LedgerRows.InsertClaimsAsync(connection, entry.Reference,
            claims.Select(c => new StoredClaim(c.Entitlement, c.Identity, c.TicketNumber, c.JourneyDate)).ToList(), cancellationToken).ConfigureAwait(false);
        if (request.Approval is { } approved)
        {
            await PostgreSqlApprovalStore.DecideAsync(connection, approved.ApprovalId,
                r => r with { Status = ApprovalStatus.Approved, DecidedBy = request.Actor, DecidedUtc = now, GrantReference = entry.Reference }, cancellationToken).ConfigureAwait(false);
        }
        // Delivered to every listening instance when the grant commits.
        await connection.ExecuteAsync("NOTIFY " + Channel, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new GrantOutcome.Granted(entry);
    }

    private static async Task RefuseAsync(NpgsqlConnection connection, GrantRequest request, Guid attempt, string entitlement, LedgerEntry existing, DateTime now, CancellationToken cancellationToken)
    {
        if (request.Approval is { } approval)
        {
            // Approved, but someone granted the journey meanwhile: the request is closed with what holds it.
            await PostgreSqlApprovalStore.DecideAsync(connection, approval.ApprovalId,
                r => r with { Status = ApprovalStatus.Approved, DecidedBy = request.Actor, DecidedUtc = now, Note = "already granted as " + existing.Reference }, cancellationToken).ConfigureAwait(false);
        }
        await LedgerRows.InsertRefusalAsync(connection, attempt, new RefusedAttempt(entitlement, existing.Reference, request.Actor.Channel, request.Actor.Kind,
            request.Actor.Id, ConversationKey.Of(request.Actor.Channel, request.Actor.ConversationId), request.Actor.Name, now), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A reference no grant has (references are random, and a million grants make a repeat likely).</summary>
    private async Task<string> UnusedReferenceAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var reference = _newReference();
        while (await connection.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM ledger_entries WHERE reference = $1)", cancellationToken, reference).ConfigureAwait(false))
        {
            reference = _newReference();
        }
        return reference;
    }

    public async Task<IReadOnlyDictionary<RemedyKind, LedgerEntry>> HoldersAsync(PassengerJourney who, IReadOnlyCollection<RemedyKind> kinds, DisruptionFamily family, CancellationToken cancellationToken)
    {
        var claims = EntitlementClaims.For(who, kinds, family);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var holders = new Dictionary<RemedyKind, LedgerEntry>();
        // Grants carried over from a data file that recorded them under their older keys.
        foreach (var older in await OlderEntriesAsync(connection, EntitlementClaims.LegacyKeys(who, family), cancellationToken).ConfigureAwait(false))
        {
            foreach (var kind in EntitlementClaims.HeldBy(older).Intersect(kinds))
            {
                holders.TryAdd(kind, older);
            }
        }
        var held = await HeldAsync(connection, claims, cancellationToken).ConfigureAwait(false);
        var references = held.Where(h => !holders.ContainsKey(h.Claim.Kind)).GroupBy(h => h.Claim.Kind).ToDictionary(g => g.Key, g => g.First().Reference);
        if (references.Count == 0)
        {
            return holders;
        }
        var entries = (await EntriesAsync(connection, "reference = ANY($1)", references.Values.Distinct().ToArray(), cancellationToken).ConfigureAwait(false))
            .ToDictionary(e => e.Reference, StringComparer.Ordinal);
        foreach (var (kind, reference) in references)
        {
            holders[kind] = entries[reference];
        }
        return holders;
    }

    /// <summary>For each of these claims that a stored claim holds (same passenger, same trip), that claim's grant; in the claims' order.</summary>
    private static async Task<List<(EntitlementClaim Claim, string Reference)>> HeldAsync(NpgsqlConnection connection, IReadOnlyList<EntitlementClaim> claims, CancellationToken cancellationToken)
    {
        var stored = (await connection.ListAsync("""
                SELECT entitlement, identity, ticket, journey_date, reference FROM entitlement_claims WHERE identity = ANY($1)
                """, r => (Id: r.GetString(0) + "|" + r.GetString(1), Ticket: r.NullableString(2), Day: r.NullableDate(3), Reference: r.GetString(4)),
                cancellationToken, (object)claims.Select(c => c.Identity).Distinct().ToArray()).ConfigureAwait(false))
            .ToLookup(s => s.Id, StringComparer.Ordinal);
        return claims
            .Select(c => (Claim: c, Holder: stored[c.Id].FirstOrDefault(s => c.HeldBy(s.Ticket, s.Day))))
            .Where(h => h.Holder.Reference is not null)
            .Select(h => (h.Claim, h.Holder.Reference))
            .ToList();
    }

    /// <remarks>Kept in memory while the instance listens for grants (<see cref="StoreChanges"/>); a grant through this instance forgets it at once.</remarks>
    public async Task<IReadOnlyList<LedgerEntry>> ForBookingAsync(string bookingReference, CancellationToken cancellationToken)
    {
        var booking = bookingReference.Trim().ToUpperInvariant();
        return await _byBooking.GetAsync(booking, ReadForBookingAsync).ConfigureAwait(false) ?? [];
    }

    private async Task<IReadOnlyList<LedgerEntry>?> ReadForBookingAsync(string booking)
    {
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        // An array: kept and shared by every caller, it cannot be changed by one of them.
        return (await EntriesAsync(connection, "booking = $1", booking, CancellationToken.None).ConfigureAwait(false)).OrderByDescending(e => e.GrantedUtc).ToArray();
    }

    public async Task<long> RefusedSecondGrantsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ScalarAsync<long>("SELECT count(*) FROM ledger_refusals", cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<LedgerEntry>> ForConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await EntriesAsync(connection, "conversation = $1 ORDER BY granted_utc", ConversationKey.Of(channelId, conversationId), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<LedgerRefusal>> RefusalsInConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ListAsync("SELECT attempted_utc, entitlement, actor_kind, agent_name FROM ledger_refusals WHERE conversation = $1 ORDER BY attempted_utc, id",
            r => new LedgerRefusal(r.GetDateTime(0), r.GetString(1), Enum.Parse<ActorKind>(r.GetString(2), ignoreCase: true), r.NullableString(3)),
            cancellationToken, ConversationKey.Of(channelId, conversationId)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<LedgerEntry>> GrantedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ListAsync("SELECT entry FROM ledger_entries WHERE granted_utc >= $1 AND granted_utc < $2 ORDER BY granted_utc",
            ReadEntry, cancellationToken, PostgreSqlCommands.Utc(fromUtc), PostgreSqlCommands.Utc(toUtc)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> RefusedGrantReferencesAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ListAsync("SELECT reference FROM ledger_refusals WHERE attempted_utc >= $1 AND attempted_utc < $2",
            r => r.GetString(0), cancellationToken, PostgreSqlCommands.Utc(fromUtc), PostgreSqlCommands.Utc(toUtc)).ConfigureAwait(false);
    }

    /// <summary>A bound of a time range as UTC (DateTime.MinValue and MaxValue stand for no bound).</summary>

    /// <summary>The grants carried over under these older keys.</summary>
    private static Task<List<LedgerEntry>> OlderEntriesAsync(NpgsqlConnection connection, IReadOnlyList<string> keys, CancellationToken cancellationToken)
        => connection.ListAsync("SELECT e.entry FROM ledger_older_keys k JOIN ledger_entries e ON e.reference = k.reference WHERE k.key = ANY($1) ORDER BY k.key",
            ReadEntry, cancellationToken, (object)keys.ToArray());

    private static async Task<LedgerEntry?> EntryAsync(NpgsqlConnection connection, string where, object value, CancellationToken cancellationToken)
        => (await EntriesAsync(connection, where, value, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    private static Task<List<LedgerEntry>> EntriesAsync(NpgsqlConnection connection, string where, object value, CancellationToken cancellationToken)
        => connection.ListAsync("SELECT entry FROM ledger_entries WHERE " + where, ReadEntry, cancellationToken, value);

    /// <summary>The entry of a row whose first column is <c>entry</c>.</summary>
    private static LedgerEntry ReadEntry(NpgsqlDataReader row) => JsonSerializer.Deserialize<LedgerEntry>(row.GetString(0), LedgerJson.Options)!;
}
