namespace CustomerCare.Bot.Supervisors;

/// <summary>Where the supervisors' access log is kept.</summary>
public interface IAccessLogStore
{
    Task AddAsync(TranscriptAccess access);

    /// <summary>The most recent accesses first.</summary>
    Task<IReadOnlyList<TranscriptAccess>> RecentAsync(int count, CancellationToken cancellationToken);
}

public sealed record TranscriptAccess(string Who, DateTime AtUtc, string Action, string Conversation);
