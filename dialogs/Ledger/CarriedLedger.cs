namespace CustomerCare.Ledger;

/// <summary>
/// A whole ledger as one store hands it to another (the data file's to PostgreSQL): every grant with the claims it
/// holds, and every refused second attempt — so nothing granted before the move can be granted again after it.
/// </summary>
public sealed record CarriedLedger(IReadOnlyList<CarriedGrant> Grants, IReadOnlyList<RefusedAttempt> Refusals);

/// <param name="OlderKey">For a grant recorded before entitlement claims: the key it was stored under, which holds every entitlement of its family for that flight.</param>
public sealed record CarriedGrant(LedgerEntry Entry, IReadOnlyList<StoredClaim> Claims, string? OlderKey);

/// <summary>A claim as stored: entitlement and identity (<see cref="EntitlementClaim.Id"/>), with what tells passengers and trips apart.</summary>
public sealed record StoredClaim(string Entitlement, string Identity, string? TicketNumber, DateOnly? JourneyDate);

/// <summary>A second grant the ledger refused: for which entitlement, which grant holds it, who tried and when.</summary>
public sealed record RefusedAttempt(string Entitlement, string Reference, string Channel, ActorKind ActorKind, string ActorId, string Conversation, string? AgentName, DateTime AttemptedUtc);
