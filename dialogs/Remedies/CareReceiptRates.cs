namespace CustomerCare.Remedies;

/// <summary>Where the airline provides care by paying back receipts: the caps, per hour waited, per night and per journey.</summary>
public sealed record CareReceiptRates(decimal MealsPerHourWaited, decimal HotelPerNight, decimal LocalTransportPerJourney);
