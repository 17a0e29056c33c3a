using CustomerCare.Payouts;

namespace CustomerCare.Conversation;

/// <summary>The flow record of a change to bank transfer while the customer proves who they are and gives the account.</summary>
public sealed class BankTransferFlow : ITravellerNames
{
    public string? BookingReference { get; set; }

    public string? LastName { get; set; }

    public string? FirstName { get; set; }

    /// <summary>The grants whose payouts may still go to another account.</summary>
    public List<string> References { get; set; } = [];

    /// <summary>What those payouts come to, as the customer was told.</summary>
    public string? Total { get; set; }

    /// <summary>The IBAN, between its prompt and the confirmation only; the transcript keeps it masked.</summary>
    public string? Iban { get; set; }

    public string? Holder { get; set; }
}
