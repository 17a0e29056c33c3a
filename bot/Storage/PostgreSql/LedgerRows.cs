using CustomerCare.Builder;
using System.Text.Json;
using CustomerCare.Ledger;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>How a grant, its claims and a refused attempt are written into the ledger's tables (by a grant, or when a ledger is carried over).</summary>
internal static class LedgerRows
{
    /// <summary>The grant's row, and the uploads its receipts point to (kept from retention with it).</summary>
    /// <param name="carried">Carrying a ledger over: rows already there are left as they are.</param>
    public static async Task<int> InsertEntryAsync(NpgsqlConnection connection, LedgerEntry entry, Guid attempt, CancellationToken cancellationToken, bool carried = false)
    {
        var inserted = await InsertRowAsync(connection, entry, attempt, carried, cancellationToken).ConfigureAwait(false);
        foreach (var upload in inserted == 1 ? ReceiptUploads.Of(entry) : [])
        {
            await connection.ExecuteAsync("INSERT INTO kept_uploads (id, grant_reference) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING", cancellationToken, upload, entry.Reference).ConfigureAwait(false);
        }
        return inserted;
    }

    private static Task<int> InsertRowAsync(NpgsqlConnection connection, LedgerEntry entry, Guid attempt, bool carried, CancellationToken cancellationToken)
        => connection.ExecuteAsync("""
            INSERT INTO ledger_entries (reference, attempt, booking, passenger, kind, channel, actor_kind, actor_id, tier, granted_utc, conversation, entry)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            """ + (carried ? " ON CONFLICT DO NOTHING" : string.Empty), cancellationToken,
            entry.Reference, attempt, entry.Subject.BookingReference.Trim().ToUpperInvariant(), entry.Subject.PassengerId,
            entry.Subject.Kind.ToString(), entry.GrantedBy.Channel, entry.GrantedBy.Kind.ToString(), entry.GrantedBy.Id, entry.Tier.ToString(),
            DateTime.SpecifyKind(entry.GrantedUtc, DateTimeKind.Utc), ConversationKey.Of(entry.GrantedBy.Channel, entry.GrantedBy.ConversationId),
            JsonSerializer.Serialize(entry, LedgerJson.Options));

    public static Task<int> InsertClaimsAsync(NpgsqlConnection connection, string reference, IReadOnlyList<StoredClaim> claims, CancellationToken cancellationToken, bool carried = false)
        => connection.ExecuteAsync("""
            INSERT INTO entitlement_claims (entitlement, identity, ticket, journey_date, reference)
            SELECT e, i, t, d, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::date[]) AS c (e, i, t, d)
            """ + (carried ? " ON CONFLICT DO NOTHING" : string.Empty), cancellationToken,
            claims.Select(c => c.Entitlement).ToArray(), claims.Select(c => c.Identity).ToArray(),
            claims.Select(c => c.TicketNumber).ToArray(), claims.Select(c => c.JourneyDate).ToArray(), reference);

    public static Task<int> InsertRefusalAsync(NpgsqlConnection connection, Guid attempt, RefusedAttempt refusal, CancellationToken cancellationToken)
        => connection.ExecuteAsync("""
            INSERT INTO ledger_refusals (attempt, entitlement, reference, channel, actor_kind, actor_id, conversation, agent_name, attempted_utc)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (attempt) DO NOTHING
            """, cancellationToken, attempt, refusal.Entitlement, refusal.Reference, refusal.Channel, refusal.ActorKind.ToString(), refusal.ActorId,
            refusal.Conversation, refusal.AgentName, DateTime.SpecifyKind(refusal.AttemptedUtc, DateTimeKind.Utc));
}
