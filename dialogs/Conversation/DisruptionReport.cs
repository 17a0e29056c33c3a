namespace CustomerCare.Conversation;

/// <summary>The flow record of a disruption report while the customer gives its details.</summary>
public sealed class DisruptionReport
{
    public string? Kind { get; set; }

    public string? BookingReference { get; set; }

    public string? LastName { get; set; }

    /// <summary>True when the customer could not give a valid booking reference and a person should take over.</summary>
    public bool NeedsPerson { get; set; }
}
