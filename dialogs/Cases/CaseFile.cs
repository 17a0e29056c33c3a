namespace CustomerCare.Cases;

/// <summary>Why a case was opened for a person to pick up.</summary>
public enum CaseReason
{
    CustomerAskedForPerson,
    DisruptionReported,
    RepeatedMisunderstanding,
    BookingNotIdentified,
    FactsDisputed,
    PolicyNeedsPerson,
    StrongNegativeSentiment,
}

/// <summary>An open case: what a person needs to continue without asking the customer to repeat anything.</summary>
public sealed record CaseFile(
    string Reference,
    CaseReason Reason,
    string ChannelId,
    string ConversationId,
    string? CustomerId,
    string Locale,
    DateTime OpenedUtc,
    string? DisruptionKind = null,
    string? BookingReference = null,
    string? LastName = null,
    string? FlightNumber = null,
    string? Summary = null,
    string? CustomerServiceUrl = null,
    string? CustomerBotId = null,
    string? PassengerId = null,
    DateOnly? JourneyDate = null)
{
    /// <summary>For a bag: the file reference of the property irregularity report the customer gave, checked against the booking.</summary>
    public string? BagFileReference { get; init; }
}
