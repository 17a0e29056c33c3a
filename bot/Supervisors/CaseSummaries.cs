using CustomerCare.Cases;

namespace CustomerCare.Bot.Supervisors;

/// <summary>What a case's changes do to its conversation's summary in the supervisors' list, whichever store holds the case.</summary>
public static class CaseSummaries
{
    public static ConversationSummary Opened(ConversationSummary summary, CaseFile caseFile) => (summary with
    {
        HandedOff = true,
        CustomerName = summary.CustomerName ?? caseFile.LastName,
        LastUtc = summary.LastUtc > caseFile.OpenedUtc ? summary.LastUtc : caseFile.OpenedUtc,
        CaseReference = caseFile.Reference,
    }).WithBooking(caseFile.BookingReference);

    public static ConversationSummary HeldBy(ConversationSummary summary, string agentName) => summary.WithAgent(agentName);

    public static ConversationSummary Rated(ConversationSummary summary, int rating) => summary with { Rating = rating };
}
