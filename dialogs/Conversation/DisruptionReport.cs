namespace CustomerCare.Conversation;

/// <summary>The flow record of a disruption report while the customer gives its details.</summary>
public sealed class DisruptionReport
{
    public string? Kind { get; set; }

    public string? BookingReference { get; set; }

    public string? LastName { get; set; }

    /// <summary>Taken from the customer's first message when it names the flight ("LH400").</summary>
    public string? FlightNumber { get; set; }

    /// <summary>The travel date from the customer's message, ISO yyyy-MM-dd.</summary>
    public string? TravelDate { get; set; }

    /// <summary>True when the customer could not give a valid booking reference and a person should take over.</summary>
    public bool NeedsPerson { get; set; }

    /// <summary>Failed attempts to match booking reference and last name; three hand over to a person.</summary>
    public int IdentityAttempts { get; set; }

    public string? PassengerId { get; set; }

    public Remedies.LoyaltyTier Tier { get; set; }

    /// <summary>The affected flight as booked.</summary>
    public Operations.Segment? Segment { get; set; }

    /// <summary>What the bot may grant after the customer confirms, with the policy version it came from.</summary>
    public List<Ledger.GrantedRemedy>? Proposed { get; set; }

    public string? PolicyVersion { get; set; }

    public string? SeverityBand { get; set; }

    public Remedies.DisruptionKind? AssessedKind { get; set; }
}
