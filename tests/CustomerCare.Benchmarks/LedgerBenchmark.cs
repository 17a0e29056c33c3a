using System.Diagnostics;
using System.Globalization;
using CustomerCare.Bot.Storage;
using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Benchmarks;

/// <summary>The ledger at scale: fill it with N entries, then time entitlement checks and single grants, and report the file size.</summary>
internal static class LedgerBenchmark
{
    public static async Task<int> RunAsync(int entries)
    {
        var directory = Path.Combine(Path.GetTempPath(), "customercare-ledger-bench-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(directory, "ledger.db");
        try
        {
            using var file = LiteDbFile.Open(path);
            using var writer = new LiteDbWriter(file);
            var ledger = new LiteDbLedger(file.Database, writer, TimeProvider.System);

            var fill = Stopwatch.StartNew();
            const int InFlight = 4096;
            for (var start = 0; start < entries; start += InFlight)
            {
                var count = Math.Min(InFlight, entries - start);
                await Task.WhenAll(Enumerable.Range(start, count).Select(i => ledger.TryGrantAsync(Request(i), CancellationToken.None)));
                if ((start / InFlight) % 50 == 0)
                {
                    Console.Write(string.Create(CultureInfo.InvariantCulture, $"\rfilling {start + count:N0}/{entries:N0} ({fill.Elapsed.TotalSeconds:F0} s)"));
                }
            }
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fill                  {entries:N0} grants in {fill.Elapsed.TotalSeconds:F1} s ({entries / fill.Elapsed.TotalSeconds:F0} grants/s with {InFlight} in flight)"));

            var random = new Random(42);
            var checks = new List<double>(100_000);
            for (var n = 0; n < 100_000; n++)
            {
                var key = Key(random.Next(entries * 2));
                var begin = Stopwatch.GetTimestamp();
                await ledger.HoldersAsync(key, Kinds, DisruptionFamily.Flight, CancellationToken.None);
                checks.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            }
            Report("entitlement check", checks);

            var grants = new List<double>(500);
            for (var n = 0; n < 500; n++)
            {
                var begin = Stopwatch.GetTimestamp();
                await ledger.TryGrantAsync(Request(entries + 10 + n), CancellationToken.None);
                grants.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            }
            Report("single grant (durable)", grants);
        }
        finally
        {
            var size = Directory.GetFiles(directory).Sum(f => new FileInfo(f).Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data file             {size / 1024.0 / 1024.0:F0} MB ({size / (double)Math.Max(1, entries):F0} bytes per entry)"));
            Directory.Delete(directory, recursive: true);
        }
        return 0;
    }

    private static readonly RemedyKind[] Kinds = [RemedyKind.Compensation, RemedyKind.Care, RemedyKind.Goodwill];

    /// <summary>Passenger i on a one-flight journey; every passenger has a ticket number, so each grant claims its entitlements twice (ticket and name).</summary>
    private static PassengerJourney Key(int i)
    {
        var departure = new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc).AddDays(i % 365);
        var flight = new Segment("CC" + (i % 900 + 100).ToString(CultureInfo.InvariantCulture), "FRA", "JFK", departure, departure.AddHours(8), 400, "EUR");
        var passenger = new Passenger("P" + i.ToString(CultureInfo.InvariantCulture), "Pat", "Passenger" + i.ToString(CultureInfo.InvariantCulture), (LoyaltyTier)(i % 4),
            TicketNumber: "220" + i.ToString("D10", CultureInfo.InvariantCulture));
        return new PassengerJourney("B" + (i % 100_000).ToString("D5", CultureInfo.InvariantCulture), passenger, new Journey([flight]));
    }

    private static GrantRequest Request(int i)
    {
        var who = Key(i);
        return new(who, new GrantSubject(who.Passenger.PassengerId, who.BookingReference, who.Journey.First.FlightNumber, who.Journey.Date, (DisruptionKind)(i % 3)),
            [new GrantedRemedy("compensation", RemedyKind.Compensation, 250, "EUR", "EU261 Art. 7(1)(a)"), new GrantedRemedy("care.meals", RemedyKind.Care, 12, "EUR", "EU261 Art. 6, 9")],
            "2025.01", new GrantActor(i % 3 == 0 ? ActorKind.Agent : ActorKind.Bot, "actor-" + (i % 40).ToString(CultureInfo.InvariantCulture), null, i % 2 == 0 ? "directline" : "msteams", "conv-" + i.ToString(CultureInfo.InvariantCulture)),
            CustomerConfirmed: true, Tier: (LoyaltyTier)(i % 4));
    }

    private static void Report(string name, List<double> latencies)
    {
        latencies.Sort();
        double P(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22}{latencies.Count,8:N0} calls: p50 {P(0.5):F3} ms, p99 {P(0.99):F3} ms, max {latencies[^1]:F3} ms"));
    }
}
