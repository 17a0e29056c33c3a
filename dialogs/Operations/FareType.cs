namespace CustomerCare.Operations;

/// <summary>
/// How a passenger's ticket was sold, for EU261/UK261 Art. 3(3): passengers travelling free of charge, or at a reduced
/// fare not available directly or indirectly to the public (staff tickets, for example), are outside the regulation.
/// Tickets bought with loyalty points, or sold by a tour operator, are public fares.
/// </summary>
public enum FareType
{
    Public,
    FreeOfCharge,
    NotAvailableToPublic,
}
