namespace CustomerCare.Conversation;

/// <summary>The flow record of a disruption report while the customer gives its details.</summary>
public sealed class DisruptionReport : ITravellerNames
{
    public string? Kind { get; set; }

    public string? BookingReference { get; set; }

    public string? LastName { get; set; }

    /// <summary>Asked only when travellers on the booking share the last name.</summary>
    public string? FirstName { get; set; }

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

    /// <summary>The affected journey, by its first flight and that flight's date (ISO yyyy-MM-dd).</summary>
    public string? JourneyFlight { get; set; }

    public string? JourneyDate { get; set; }

    /// <summary>The travellers on the booking the claim is for (passenger ids); the claimant alone when the booking has one.</summary>
    public List<string>? ForPassengers { get; set; }

    /// <summary>For a claim for co-travellers: what each was shown, by passenger id; the grant path grants each exactly this, or nothing.</summary>
    public Dictionary<string, List<Ledger.GrantedRemedy>>? ProposedFor { get; set; }

    /// <summary>For a claim for co-travellers: the passengers whose remedies were offered as vouchers too.</summary>
    public List<string>? VoucherOfferedTo { get; set; }

    /// <summary>The passenger a case about this report is for: a bag's owner (whoever reported it), else the claimant.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? CasePassengerId => Kind == DisruptionKinds.Baggage && ForPassengers is [var owner] ? owner : PassengerId;

    /// <summary>For a bag: the file reference of its property irregularity report, once it is found on the booking.</summary>
    public string? BagFileReference { get; set; }

    /// <summary>For a bag: the last file reference given that the booking does not hold, for the person who looks it up.</summary>
    public string? BagFileTried { get; set; }

    /// <summary>For a bag: file references given that the booking does not hold; three hand over to a person.</summary>
    public int BagFileAttempts { get; set; }

    /// <summary>For a lost bag: what the customer says was in it; for a damaged one: what the damage is.</summary>
    public string? BagDetails { get; set; }

    /// <summary>For a damaged bag: a photo of the damage is asked for.</summary>
    public bool BagPhotoWanted { get; set; }

    /// <summary>For a damaged bag: the link of the photo the customer uploaded.</summary>
    public string? BagPhotoUrl { get; set; }

    /// <summary>What the customer was shown and may confirm; the grant path grants exactly this, or nothing.</summary>
    public List<Ledger.GrantedRemedy>? Proposed { get; set; }

    /// <summary>The money-or-voucher choice exactly as the customer was shown it; null when no voucher was offered.</summary>
    public string? ShownOffer { get; set; }
}
