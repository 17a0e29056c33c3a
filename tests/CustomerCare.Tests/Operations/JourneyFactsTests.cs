using CustomerCare.Airports;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Tests.Operations;

/// <summary>A journey's facts: assessed on the arrival at the final destination, over the distance from the first origin.</summary>
public sealed class JourneyFactsTests
{
    private static readonly DateTime Day = new(2026, 11, 17, 0, 0, 0, DateTimeKind.Utc);

    private static Segment Leg(string number, string from, string to, double departs, double arrives) => new(number, from, to, Day.AddHours(departs), Day.AddHours(arrives), 100, "EUR");

    private static FlightOperation Record(Segment leg, double lateHours, bool cancelled = false, bool extraordinary = false, double? rerouteLaterHours = null)
        => new(leg.FlightNumber, leg.ScheduledDate, leg.Origin, leg.Destination, leg.ScheduledDepartureUtc, leg.ScheduledArrivalUtc,
            cancelled ? null : leg.ScheduledDepartureUtc.AddHours(lateHours), cancelled ? null : leg.ScheduledArrivalUtc.AddHours(lateHours),
            cancelled, cancelled ? leg.ScheduledDepartureUtc.AddDays(-2) : null, null, rerouteLaterHours is { } r ? leg.ScheduledArrivalUtc.AddHours(r) : null,
            extraordinary ? "WEATHER" : "TECHNICAL", extraordinary, EuCarrier: true);

    private static readonly Segment HamFra = Leg("CC220", "HAM", "FRA", 6, 7.1);
    private static readonly Segment FraJfk = Leg("CC400", "FRA", "JFK", 10, 18.5);
    private static readonly Journey Connection = new([HamFra, FraJfk]);

    private static FactsFinding Establish(DisruptionKind reported, params FlightOperation?[] records)
        => JourneyFacts.Establish(reported, Connection, records, AirportDirectory.Embedded);

    [Fact]
    public void AConnectionMade_IsAssessedOnTheFinalArrival_OverTheDistanceFromTheFirstOrigin()
    {
        var facts = Assert.IsType<FactsFinding.Established>(Establish(DisruptionKind.Delay, Record(HamFra, 0), Record(FraJfk, 5.25))).Facts;

        Assert.Equal(("HAM", "JFK"), (facts.Origin.Iata, facts.Destination.Iata));
        Assert.Equal(TimeSpan.FromHours(5.25), facts.ArrivalDelay);
        Assert.InRange(facts.DistanceKm, 6000, 6300);
        Assert.Equal(200m, facts.OneWayFare);
    }

    [Fact]
    public void TheSameJourney_ReportedOnEitherFlight_HasTheSameFacts()
        => Assert.Equal(
            Assert.IsType<FactsFinding.Established>(JourneyFacts.Establish(DisruptionKind.Delay, Journey.Find(new Booking("X", [], [HamFra, FraJfk]), "CC220")!, [Record(HamFra, 0), Record(FraJfk, 5)], AirportDirectory.Embedded)).Facts,
            Assert.IsType<FactsFinding.Established>(JourneyFacts.Establish(DisruptionKind.Delay, Journey.Find(new Booking("X", [], [HamFra, FraJfk]), "CC400")!, [Record(HamFra, 0), Record(FraJfk, 5)], AirportDirectory.Embedded)).Facts);

    [Fact]
    public void AMissedConnection_LeavesTheFinalArrivalUnknown_SoAPersonAssessesIt()
    {
        Assert.Equal("CC220", Assert.IsType<FactsFinding.ArrivalUnknown>(Establish(DisruptionKind.MissedConnection, Record(HamFra, 2.8), Record(FraJfk, 0))).Disrupted.FlightNumber);
        Assert.IsType<FactsFinding.ArrivalUnknown>(Establish(DisruptionKind.Delay, Record(HamFra, 2.8), Record(FraJfk, 0)));
    }

    [Fact]
    public void AMissedConnectionTheRecordsDoNotShow_IsNotAFact()
    {
        Assert.IsType<FactsFinding.NotShown>(Establish(DisruptionKind.MissedConnection, Record(HamFra, 0.5), Record(FraJfk, 4)));
        Assert.IsType<FactsFinding.NotShown>(JourneyFacts.Establish(DisruptionKind.MissedConnection, new Journey([FraJfk]), [Record(FraJfk, 4)], AirportDirectory.Embedded));
    }

    [Fact]
    public void ACancellation_IsAFactOnlyWhenAFlightWasCancelled()
    {
        Assert.IsType<FactsFinding.NotShown>(JourneyFacts.Establish(DisruptionKind.Cancellation, new Journey([FraJfk]), [Record(FraJfk, 4)], AirportDirectory.Embedded));
        Assert.Equal(DisruptionKind.Cancellation, Assert.IsType<FactsFinding.Established>(JourneyFacts.Establish(DisruptionKind.Cancellation, new Journey([FraJfk]), [Record(FraJfk, 0, cancelled: true)], AirportDirectory.Embedded)).Facts.Kind);
        Assert.IsType<FactsFinding.ArrivalUnknown>(Establish(DisruptionKind.Cancellation, Record(HamFra, 0, cancelled: true), Record(FraJfk, 0)));
        Assert.IsType<FactsFinding.NotShown>(Establish(DisruptionKind.Delay, Record(HamFra, 0, cancelled: true), Record(FraJfk, 0)));
    }

    [Fact]
    public void AMissingRecord_OrAnUnknownAirport_IsMissing()
    {
        Assert.Equal("CC400", Assert.IsType<FactsFinding.Missing>(Establish(DisruptionKind.Delay, Record(HamFra, 0), null)).Segment.FlightNumber);
        var nowhere = Leg("CC1", "FRA", "QQQ", 10, 12);
        Assert.IsType<FactsFinding.Missing>(JourneyFacts.Establish(DisruptionKind.Delay, new Journey([nowhere]), [Record(nowhere, 4)], AirportDirectory.Embedded));
    }

    [Fact]
    public void TheCauseThatCounts_IsTheDelayedFlights()
    {
        Assert.False(Assert.IsType<FactsFinding.Established>(Establish(DisruptionKind.Delay, Record(HamFra, 0, extraordinary: true), Record(FraJfk, 4))).Facts.Extraordinary);
        Assert.True(Assert.IsType<FactsFinding.Established>(Establish(DisruptionKind.Delay, Record(HamFra, 0), Record(FraJfk, 4, extraordinary: true))).Facts.Extraordinary);
    }

    [Fact]
    public void OutboundAndReturn_AreSeparateJourneys_AndAStopoverStartsANewOne()
    {
        var back = Leg("CC401", "JFK", "FRA", 24 * 7, 24 * 7 + 8);
        var onward = Leg("CC500", "JFK", "LAX", 18.5 + 30, 18.5 + 36);
        Assert.Equal(2, Journey.Of(new Booking("X", [], [FraJfk, back])).Count);
        Assert.Equal(2, Journey.Of(new Booking("X", [], [FraJfk, onward])).Count);
        Assert.Single(Journey.Of(new Booking("X", [], [FraJfk, HamFra])));
        Assert.Equal(2, Journey.Of(new Booking("X", [], [FraJfk, HamFra]))[0].Segments.Count);
    }

    private static Segment Replacement => Leg("CC406", "FRA", "JFK", 13, 21.5);

    private static FactsFinding Rebooked(DisruptionKind reported, FlightOperation? replacement, bool[] replaced, params FlightOperation?[] records)
        => JourneyFacts.Establish(reported, Connection, records, AirportDirectory.Embedded, new Rebooked(replaced, [replacement]));

    [Fact]
    public void AMissedConnection_WithTheRebookingOnTheBooking_IsAssessedOnTheReplacementsArrivalAtTheFinalDestination()
    {
        var found = Assert.IsType<FactsFinding.Established>(Rebooked(DisruptionKind.MissedConnection, Record(Replacement, 0.25), [false, true], Record(HamFra, 2.8), Record(FraJfk, 0)));

        Assert.Equal((DisruptionKind.MissedConnection, "CC220", "JFK"), (found.Facts.Kind, found.Disrupted.FlightNumber, found.Facts.Destination.Iata));
        Assert.Equal(TimeSpan.FromHours(21.75 - 18.5), found.Facts.ArrivalDelay);
        Assert.InRange(found.Facts.DistanceKm, 6000, 6300); // Hamburg to New York, not the sum of the legs
        Assert.Equal(["CC406"], found.FlownOn);
        Assert.False(found.Facts.Extraordinary);
    }

    [Fact]
    public void AMissedConnection_ReportedAsADelay_IsTheSameFact()
        => Assert.Equal(DisruptionKind.MissedConnection,
            Assert.IsType<FactsFinding.Established>(Rebooked(DisruptionKind.Delay, Record(Replacement, 0), [false, true], Record(HamFra, 2.8), Record(FraJfk, 0))).Facts.Kind);

    [Fact]
    public void ARebooking_WhenTheRecordsShowTheConnectionMade_IsNoMissedConnection()
        => Assert.IsType<FactsFinding.NotShown>(Rebooked(DisruptionKind.MissedConnection, Record(Replacement, 0), [false, true], Record(HamFra, 0), Record(FraJfk, 0)));

    [Fact]
    public void ARebookingOntoAFlightWithoutARecord_OrOntoAnotherDestination_LeavesTheArrivalUnknown()
    {
        Assert.IsType<FactsFinding.ArrivalUnknown>(Rebooked(DisruptionKind.MissedConnection, null, [false, true], Record(HamFra, 2.8), Record(FraJfk, 0)));
        Assert.IsType<FactsFinding.ArrivalUnknown>(Rebooked(DisruptionKind.MissedConnection, Record(Leg("CC9", "FRA", "EWR", 13, 21), 0), [false, true], Record(HamFra, 2.8), Record(FraJfk, 0)));
        Assert.IsType<FactsFinding.ArrivalUnknown>(Rebooked(DisruptionKind.MissedConnection, Record(Replacement, 0, cancelled: true), [false, true], Record(HamFra, 2.8), Record(FraJfk, 0)));
    }

    [Fact]
    public void AReplacementThatLeftBeforeTheInboundLanded_CannotHaveBeenFlown_SoTheArrivalIsUnknown()
        => Assert.IsType<FactsFinding.ArrivalUnknown>(Rebooked(DisruptionKind.MissedConnection, Record(Leg("CC404", "FRA", "JFK", 9.5, 18), 0), [false, true], Record(HamFra, 2.8), Record(FraJfk, 0)));

    [Fact]
    public void ACancelledConnection_WithTheRebooking_IsACancellationReroutedToTheReplacementsArrival()
    {
        var found = Assert.IsType<FactsFinding.Established>(Rebooked(DisruptionKind.Cancellation, Record(Replacement, 0), [false, true], Record(HamFra, 0), Record(FraJfk, 0, cancelled: true)));

        Assert.Equal((DisruptionKind.Cancellation, "CC400"), (found.Facts.Kind, found.Disrupted.FlightNumber));
        Assert.Equal(Day.AddHours(21.5), found.Facts.RerouteArrivalUtc);
        Assert.Equal(Day.AddHours(6), found.Facts.RerouteDepartureUtc); // the journey still left Hamburg as booked
    }

    [Fact]
    public void ARebookingOffAnotherFlight_DoesNotSettleTheFlightThatWasMissed()
        => Assert.IsType<FactsFinding.ArrivalUnknown>(Rebooked(DisruptionKind.MissedConnection, Record(Leg("CC221", "HAM", "FRA", 9, 10), 0), [true, false], Record(HamFra, 2.8), Record(FraJfk, 0)));
}
