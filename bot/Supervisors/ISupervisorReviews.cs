namespace CustomerCare.Bot.Supervisors;

/// <summary>Supervisors' QA notes and 1–5 review scores on conversations; the latest score shows in the list.</summary>
public interface ISupervisorReviews
{
    Task AddAsync(string channelId, string conversationId, string author, int? score, string? note);

    Task<IReadOnlyList<SupervisorReview>> ForAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}

public sealed record SupervisorReview(string Author, int? Score, string? Note, DateTime AtUtc);
