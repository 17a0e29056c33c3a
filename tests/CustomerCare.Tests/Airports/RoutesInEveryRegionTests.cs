using System.Text.Json;
using CustomerCare.Airports;
using CustomerCare.Bot.Cli;
using CustomerCare.Bot.Operations;
using CustomerCare.Bot.Storage;
using CustomerCare.Grants;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CustomerCare.Tests.Airports;

/// <summary>
/// Bookings and flights to airports in every region, imported with the import command and assessed through the grant
/// path: each route gets the regulation and the distance band its airports' territories give it. Every flight arrives
/// 4 h 30 min late for a technical fault. Distances are great-circle distances between the OurAirports coordinates.
/// </summary>
public sealed class RoutesInEveryRegionTests
{
    private static readonly DateTime Departure = new(2026, 11, 18, 10, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, string, bool, bool, string?, string?, string?> Routes => new()
    {
        // from, to, EU carrier, UK carrier → regulation, compensation, distance band
        { "FRA", "TFS", true, false, "EU261", "400.00 EUR", "≤ 3500 km" },              // 3,239 km to the Canary Islands: Art. 7(1)(b), intra-EU over 1,500 km
        { "CDG", "RUN", true, false, "EU261", "400.00 EUR", "intra-EU > 1500 km" },     // 9,370 km to Réunion, an outermost region: intra-EU, so 400 not 600
        { "KEF", "OSL", false, false, "EU261", "400.00 EUR", "≤ 3500 km" },             // 1,781 km, Iceland to Norway: the EEA
        { "ZRH", "LIS", false, false, "EU261", "400.00 EUR", "≤ 3500 km" },             // 1,723 km from Switzerland
        { "MHQ", "ARN", true, false, "EU261", "250.00 EUR", "≤ 1500 km" },              // 122 km from Åland, part of the EU
        { "CPH", "FAE", false, false, "EU261", "250.00 EUR", "≤ 1500 km" },             // 1,344 km departing from the EU
        { "FAE", "CPH", true, false, "EU261", "250.00 EUR", "≤ 1500 km" },              // from the Faroes into the EU on an EU carrier
        { "FAE", "CPH", false, false, null, null, null },                               // … on a carrier that is not
        { "LYR", "OSL", true, false, "EU261", "400.00 EUR", "≤ 3500 km" },              // 2,013 km from Svalbard (outside the EEA) on an EU carrier: not intra-EU
        { "LYR", "OSL", false, false, null, null, null },
        { "PPT", "CDG", true, false, "EU261", "600.00 EUR", "> 3500 km" },              // 15,714 km from French Polynesia, an overseas territory
        { "LHR", "JFK", false, true, "UK261", "520.00 GBP", "> 3500 km" },              // 5,540 km departing from the UK
        { "JFK", "LHR", true, false, "UK261", "520.00 GBP", "> 3500 km" },              // into the UK on an EU carrier
        { "JFK", "LHR", false, false, "US DOT", null, "> 3500 km" },                    // into the UK on a US carrier: US rules, no cash for delays
        { "GIB", "LHR", false, true, "UK261", "350.00 GBP", "≤ 3500 km" },             // 1,747 km from Gibraltar (not the UK) on a UK carrier
        { "JER", "LGW", false, true, "UK261", "220.00 GBP", "≤ 1500 km" },              // 259 km from Jersey (a Crown Dependency) on a UK carrier
        { "SJU", "JFK", false, false, "US DOT", null, "≤ 3500 km" },                    // 2,578 km from Puerto Rico: a US domestic flight
        { "ECN", "IST", false, false, null, null, null },                               // Ercan, where EU law is suspended, to Turkey
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AnImportedRoute_GetsTheRegulationAndDistanceBandOfItsAirports(string from, string to, bool euCarrier, bool ukCarrier, string? regulation, string? compensation, string? band)
    {
        var path = BotHost.TempDataPath();
        var file = Path.Combine(Path.GetDirectoryName(path)!, "routes.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, JsonSerializer.Serialize(new
        {
            bookings = new[]
            {
                new
                {
                    recordLocator = "ROUTE1",
                    passengers = new[] { new { passengerId = "ROUTE1-1", firstName = "Rita", lastName = "Region", tier = "Basic" } },
                    segments = new[] { new { flightNumber = "CC900", origin = from, destination = to, scheduledDepartureUtc = Departure, scheduledArrivalUtc = Departure.AddHours(5), fare = 300, currency = "EUR" } },
                },
            },
            flights = new[]
            {
                new
                {
                    flightNumber = "CC900", scheduledDate = "2026-11-18", origin = from, destination = to, scheduledDepartureUtc = Departure, scheduledArrivalUtc = Departure.AddHours(5),
                    actualDepartureUtc = Departure.AddHours(4.5), actualArrivalUtc = Departure.AddHours(9.5), cancelled = false, causeCode = "TECHNICAL", extraordinary = false, euCarrier, ukCarrier,
                },
            },
        }));
        Assert.Equal(0, ImportCommand.Run([file, "--data", path], path, new StringWriter(), new StringWriter()));

        using var data = LiteDbFile.Open(path);
        using var writer = new LiteDbWriter(data);
        var clock = new FakeTimeProvider();
        var grants = new CompensationGrants(new LiteDbOperationsData(data.Database, writer), new LiteDbLedger(data.Database, writer, clock), new LiteDbApprovalStore(data.Database, writer),
            new RemedyPolicyEngine(RemedyPolicyBook.Embedded), AirportDirectory.Embedded, TestConversation.AgentAuthority, clock);
        var claim = await grants.IdentifyAsync("ROUTE1", null, "Region", null, null, DisruptionKind.Delay, CancellationToken.None);
        var assessed = Assert.IsType<Assessment.Assessed>(await grants.AssessAsync(claim!, CancellationToken.None));

        var cash = assessed.Proposal.Options.SingleOrDefault(o => o.Kind == RemedyKind.Compensation);
        Assert.Equal(regulation, assessed.Proposal.Regulation);
        Assert.Equal(compensation, cash is null ? null : FormattableString.Invariant($"{cash.Amount:0.00} {cash.Currency}"));
        if (band is not null)
        {
            Assert.EndsWith(band, assessed.Proposal.SeverityBand, StringComparison.Ordinal);
        }
    }
}
