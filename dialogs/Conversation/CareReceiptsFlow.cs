using CustomerCare.Ledger;
using CustomerCare.Remedies;

namespace CustomerCare.Conversation;

/// <summary>The flow record of care receipts: the disruption the conversation identified, and the receipts sent so far.</summary>
public sealed class CareReceiptsFlow
{
    /// <summary>The most receipts one claim takes.</summary>
    public const int MaxReceipts = 20;

    public string? BookingReference { get; set; }

    public string? PassengerId { get; set; }

    public string? Kind { get; set; }

    public string? JourneyFlight { get; set; }

    public string? JourneyDate { get; set; }

    /// <summary>The currency of the caps, which the customer states amounts in.</summary>
    public string Currency { get; set; } = "EUR";

    public List<CareReceipt> Receipts { get; set; } = [];

    /// <summary>The receipt being sent: what for, and the amount, until its file arrives.</summary>
    public CareExpense? Expense { get; set; }

    public decimal? Amount { get; set; }
}
