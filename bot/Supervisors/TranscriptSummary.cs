using CustomerCare.Bot.Transcripts;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Supervisors;

/// <summary>What newly logged activities change in a conversation's summary: times, count, customer, language, agents.</summary>
public static class TranscriptSummary
{
    private const int PreviewLength = 140;

    public static ConversationSummary Add(ConversationSummary summary, IReadOnlyList<TranscriptEntry> entries)
    {
        var fromCustomer = entries.Where(e => e.Role == RoleTypes.User).ToList();
        var firstMessage = fromCustomer.FirstOrDefault(e => e.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(e.Text))?.Text;
        var changed = summary with
        {
            FirstUtc = summary.Activities == 0 ? entries.Min(e => e.TimestampUtc) : summary.FirstUtc,
            LastUtc = new[] { summary.LastUtc, entries.Max(e => e.TimestampUtc) }.Max(),
            Activities = summary.Activities + entries.Count,
            Locale = entries.LastOrDefault(e => e.Locale is not null)?.Locale ?? summary.Locale,
            CustomerId = summary.CustomerId ?? fromCustomer.FirstOrDefault(e => e.FromId is not null)?.FromId,
            CustomerName = summary.CustomerName ?? fromCustomer.FirstOrDefault(e => !string.IsNullOrWhiteSpace(e.FromName))?.FromName,
            Preview = summary.Preview ?? (firstMessage is null ? null : firstMessage.Length <= PreviewLength ? firstMessage : firstMessage[..PreviewLength] + "…"),
        };
        return entries.Aggregate(changed, (current, entry) => current.WithAgent(entry.AgentName));
    }
}
