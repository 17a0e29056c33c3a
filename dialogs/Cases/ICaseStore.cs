namespace CustomerCare.Cases;

/// <summary>Cases from opening to the customer's rating. Every change of hands or status is atomic; a status moves only as <see cref="CaseTransitions"/> allows.</summary>
public interface ICaseStore
{
    /// <summary>Durably records the case and returns it as stored (under a fresh reference if another case has the one given); returns only once it is stored.</summary>
    Task<CaseFile> OpenAsync(CaseFile caseFile, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseFile>> ListOpenAsync(CancellationToken cancellationToken);

    Task<CaseFile?> FindAsync(string reference, CancellationToken cancellationToken);

    /// <summary>The case with its hand-off state.</summary>
    Task<HeldCase?> FindHeldAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Atomically gives an open case to one agent; whoever comes second learns who has it.</summary>
    Task<CaseClaim> TryTakeAsync(string reference, string agentId, string agentName, CancellationToken cancellationToken);

    /// <summary>Atomically moves a held case to another agent and records the handover; a case that is not held is not taken over.</summary>
    Task<CaseClaim> TryTakeOverAsync(string reference, string agentId, string agentName, CancellationToken cancellationToken);

    /// <summary>Moves the case to <paramref name="to"/> when the transition is allowed (ending a held case, recording the rating); false otherwise.</summary>
    Task<bool> TryMoveAsync(string reference, CaseStatus to, int? rating, CancellationToken cancellationToken);

    Task AttachAgentThreadAsync(string reference, AgentThread thread, CancellationToken cancellationToken);

    Task AddNoteAsync(string reference, string author, string text, DateTime atUtc, CancellationToken cancellationToken);

    Task SetCallbackEmailAsync(string reference, string email, CancellationToken cancellationToken);

    /// <summary>Notes once that the customer was told no one is free: true for the caller who noted it first.</summary>
    Task<bool> TryMarkWaitNoticeAsync(string reference, CancellationToken cancellationToken);

    /// <summary>The case a person holds (or whose rating is awaited) for a customer's conversation, if any.</summary>
    Task<HeldCase?> HeldForCustomerAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>The case posted to an agents' thread, whatever its status.</summary>
    Task<HeldCase?> InThreadAsync(string threadId, CancellationToken cancellationToken);

    Task<CaseFile?> OpenForCustomerAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Open cases nobody has taken since before the cutoff, whose customer has not been told yet.</summary>
    Task<IReadOnlyList<CaseFile>> WaitingSinceAsync(DateTime cutoffUtc, CancellationToken cancellationToken);

    /// <summary>Every case opened from a customer's conversation, with its hand-off history, for the supervisors' view.</summary>
    Task<IReadOnlyList<CaseHistory>> ForConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}

/// <summary>The outcome of taking a case: who holds it now, whether this caller got it, and whether it changed hands just now.</summary>
public sealed record CaseClaim(bool Found, bool TakenByCaller, string? AgentId, string? AgentName, bool Newly = false, string? PreviousAgentName = null)
{
    public static CaseClaim Missing { get; } = new(false, false, null, null);
}
