using System.Text.Json;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Cases;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Privacy;

/// <summary>One of a customer's conversations: its summary, transcript (as stored, masked), state, cases, reviews and uploads.</summary>
public sealed record ConversationRecords(
    string ChannelId,
    string ConversationId,
    ConversationSummary? Summary,
    IReadOnlyList<Activity> Transcript,
    JsonElement? State,
    JsonElement? UserState,
    IReadOnlyList<CaseHistory> Cases,
    IReadOnlyList<SupervisorReview> Reviews,
    IReadOnlyList<UploadRecord> Uploads)
{
    /// <summary>For the agents' Teams thread of one of the customer's cases: that case's reference.</summary>
    public string? AgentsThreadOfCase { get; init; }

    /// <summary>For an agents' thread: whether its case still waits for, or is held by, a person.</summary>
    public bool ThreadOfCaseInProgress { get; init; }

    /// <summary>Whether anything of the conversation is held.</summary>
    public bool HoldsAnything => Summary is not null || Transcript.Count > 0 || State is not null || UserState is not null || Cases.Count > 0 || Reviews.Count > 0;

    /// <summary>Whether a case of the conversation still waits for, or is held by, a person.</summary>
    public bool HasCaseInProgress => ThreadOfCaseInProgress || Cases.Any(c => c.Status != CaseStatus.Closed);
}
