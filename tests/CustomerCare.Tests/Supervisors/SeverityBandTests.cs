using CustomerCare.Airports;
using CustomerCare.Remedies;

namespace CustomerCare.Tests.Supervisors;

public sealed class SeverityBandTests
{
    private static readonly DateTime Departure = new(2025, 3, 14, 8, 0, 0, DateTimeKind.Utc);

    private static DisruptionFacts Facts(DisruptionKind kind, string from, string to, double arrivalDelayHours = 0, double? noticeDays = null) => new()
    {
        Kind = kind,
        Origin = AirportDirectory.Embedded.Find(from)!,
        Destination = AirportDirectory.Embedded.Find(to)!,
        ScheduledDepartureUtc = Departure,
        ScheduledArrivalUtc = Departure.AddHours(2),
        ActualArrivalUtc = Departure.AddHours(2 + arrivalDelayHours),
        CancellationNoticeUtc = noticeDays is { } days ? Departure.AddDays(-days) : null,
    };

    [Theory]
    [InlineData(1.5, "< 2 h, ≤ 1500 km")]
    [InlineData(2.0, "2–3 h, ≤ 1500 km")]
    [InlineData(3.5, "3–4 h, ≤ 1500 km")]
    [InlineData(4.0, "≥ 4 h, ≤ 1500 km")]
    public void Delays_AreBandedByArrivalDelayAndDistance(double hours, string band)
        => Assert.Equal(band, SeverityBand.Of(Facts(DisruptionKind.Delay, "FRA", "LHR", hours)));

    [Fact]
    public void LongerFlights_FallInTheirDistanceBand()
    {
        Assert.EndsWith("≤ 3500 km", SeverityBand.Of(Facts(DisruptionKind.Delay, "FRA", "TFS", 5)), StringComparison.Ordinal);
        Assert.EndsWith("> 3500 km", SeverityBand.Of(Facts(DisruptionKind.Delay, "FRA", "JFK", 5)), StringComparison.Ordinal);
        var eu261 = RemedyPolicyBook.Embedded.InForceOn(DateOnly.FromDateTime(Departure)).Eu261;
        Assert.Equal("≥ 4 h, > 3500 km", SeverityBand.Of(Facts(DisruptionKind.Delay, "FRA", "JFK", 5), eu261));
        Assert.Equal("≥ 4 h, ≤ 1500 km, extraordinary", SeverityBand.Of(Facts(DisruptionKind.Delay, "FRA", "LHR", 5) with { Extraordinary = true }, eu261));
    }

    [Theory]
    [InlineData(20, "notice ≥ 14 d, rerouted ≥ 4 h, ≤ 1500 km")]
    [InlineData(10, "notice 7–13 d, rerouted ≥ 4 h, ≤ 1500 km")]
    [InlineData(1, "notice < 7 d, rerouted ≥ 4 h, ≤ 1500 km")]
    public void Cancellations_AreBandedByNotice(double days, string band)
        => Assert.Equal(band, SeverityBand.Of(Facts(DisruptionKind.Cancellation, "FRA", "LHR", noticeDays: days)));
}
