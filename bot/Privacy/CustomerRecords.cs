using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Payouts;

namespace CustomerCare.Bot.Privacy;

/// <summary>
/// Everything the bot holds about one customer (GDPR Art. 15): the passenger as the imported booking names them,
/// their conversations with all that belongs to each, and their grants with the payouts finance was told to make.
/// </summary>
public sealed record CustomerRecords(
    CustomerKey Customer,
    Passenger? Passenger,
    IReadOnlyList<ConversationRecords> Conversations,
    IReadOnlyList<LedgerEntry> Grants,
    IReadOnlyList<PayoutState> Payouts)
{
    /// <summary>When the export was made.</summary>
    public DateTime ExportedUtc { get; init; }
}
