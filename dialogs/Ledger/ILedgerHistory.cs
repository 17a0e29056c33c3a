namespace CustomerCare.Ledger;

/// <summary>What supervisors read from the ledger: grants and refused second grants, by conversation and by time.</summary>
public interface ILedgerHistory
{
    /// <summary>Grants made in one conversation (by the bot there, or by an agent or supervisor for its customer), oldest first.</summary>
    Task<IReadOnlyList<LedgerEntry>> ForConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Second-grant attempts the ledger refused in one conversation, oldest first.</summary>
    Task<IReadOnlyList<LedgerRefusal>> RefusalsInConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Every grant made in [from, to), for the fairness report.</summary>
    Task<IReadOnlyList<LedgerEntry>> GrantedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>For every second-grant attempt refused in [from, to), the reference of the grant it collided with.</summary>
    Task<IReadOnlyList<string>> RefusedGrantReferencesAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}

/// <summary>A second grant the ledger refused: when, by whom, for which entitlement.</summary>
public sealed record LedgerRefusal(DateTime AttemptedUtc, string Entitlement, ActorKind ActorKind, string? ActorName);
