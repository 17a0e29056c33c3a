namespace CustomerCare.Bot.Supervisors;

/// <summary>Every time a supervisor reads or exports a transcript: who, when, which conversation, what they did. Kept in the store and logged.</summary>
public sealed partial class TranscriptAccessLog(IAccessLogStore store, TimeProvider clock, ILogger<TranscriptAccessLog> logger)
{
    public Task RecordAsync(System.Security.Claims.ClaimsPrincipal user, string action, string conversation) => RecordAsync(SupervisorUser.AuditNameOf(user), action, conversation);

    public Task RecordAsync(string who, string action, string conversation)
    {
        LogAccess(logger, who, action, conversation);
        return store.AddAsync(new TranscriptAccess(who, clock.GetUtcNow().UtcDateTime, action, conversation));
    }

    /// <summary>The most recent accesses first.</summary>
    public Task<IReadOnlyList<TranscriptAccess>> RecentAsync(int count, CancellationToken cancellationToken) => store.RecentAsync(count, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Supervisor {Who} {Action} transcript {Conversation}")]
    private static partial void LogAccess(ILogger logger, string who, string action, string conversation);
}
