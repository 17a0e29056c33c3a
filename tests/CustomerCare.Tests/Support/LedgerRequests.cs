using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Tests.Support;

/// <summary>Passengers, journeys and grant requests for tests that talk to the ledger directly.</summary>
public static class LedgerRequests
{
    public static readonly DateTime Departure = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    public static Segment Flight(string number, string from = "FRA", string to = "JFK", DateTime? departure = null, string currency = "EUR")
    {
        var at = departure ?? Departure;
        return new Segment(number, from, to, at, at.AddHours(8), 400, currency);
    }

    public static PassengerJourney Passenger(string booking = "K7QX2M", string passengerId = "P1", string first = "Alex", string last = "Sample", string? ticket = null, params Segment[] flights)
        => new(booking, new CustomerCare.Operations.Passenger(passengerId, first, last, LoyaltyTier.Basic, TicketNumber: ticket), new Journey(flights.Length > 0 ? flights : [Flight("LH400")]));

    public static GrantRequest Request(PassengerJourney who, GrantActor actor, bool confirmed = true, GrantedRemedy? remedy = null, bool voucherConsent = false, DisruptionKind kind = DisruptionKind.Delay)
        => new(who, new GrantSubject(who.Passenger.PassengerId, who.BookingReference, who.Journey.First.FlightNumber, who.Journey.Date, kind),
            [remedy ?? new GrantedRemedy("compensation", RemedyKind.Compensation, 250, "EUR", "EU261 Art. 7(1)(a)")], "2025.01", actor, confirmed, voucherConsent);

    public static GrantActor Bot(string channel = "directline") => new(ActorKind.Bot, "bot", null, channel, "conv-" + channel);

    public static GrantActor Agent(string id = "agent-1", string channel = "msteams") => new(ActorKind.Agent, id, "Ada Agent", channel, "conv-" + channel);
}
