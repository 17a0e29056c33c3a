using CustomerCare.Payouts;

namespace CustomerCare.Bot.Privacy;

/// <summary>What an erasure did, and what it had to leave and why.</summary>
public sealed record ErasureReport(
    CustomerKey Customer,
    IReadOnlyList<string> DeletedConversations,
    int DeletedCases,
    int DeletedReviews,
    IReadOnlyList<string> PseudonymisedGrants,
    IReadOnlyList<string> ConversationsWithCaseInProgress,
    IReadOnlyList<(string Reference, PayoutStatus Status)> GrantsWithUnpaidPayout)
{
    /// <summary>Whether anything was left that a later erasure will take: a case still with a person, a payout not yet paid.</summary>
    public bool IsComplete => ConversationsWithCaseInProgress.Count == 0 && GrantsWithUnpaidPayout.Count == 0;
}
