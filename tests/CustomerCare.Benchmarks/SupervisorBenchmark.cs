using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Cases;
using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Benchmarks;

/// <summary>
/// The supervisors' list at scale: seeds N conversations (transcripts, hand-offs, agents, grants) into a data file
/// (or, with <c>--store postgresql</c>, into a fresh PostgreSQL server pinned to core 1), starts the bot on it, signs
/// in, and times list pages over HTTP — unfiltered, filtered, deep pages and searches.
/// </summary>
internal static partial class SupervisorBenchmark
{
    private static readonly string[] Words = ["delayed", "cancelled", "baggage", "missing", "suitcase", "connection", "hotel", "voucher", "refund", "meal", "rebooked", "gate", "crew", "weather", "strike", "lounge"];
    private static readonly string[] Agents = ["Ada Agent", "Bob Agent", "Cleo Agent", "Dan Agent", "Eve Agent"];

    public static async Task<int> RunAsync(int conversations, bool postgreSql)
    {
        var directory = BotProcess.NewDataDirectory();
        Directory.CreateDirectory(directory);
        using var postgres = postgreSql ? BenchmarkPostgreSql.Start(1) : null;
        var seed = Stopwatch.StartNew();
        if (postgres is null)
        {
            await SeedIntoDataFileAsync(Path.Combine(directory, "bench.db"), conversations);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed              {conversations:N0} conversations in {seed.Elapsed.TotalSeconds:F1} s, file {new FileInfo(Path.Combine(directory, "bench.db")).Length / 1048576.0:F0} MB"));
        }
        else
        {
            await SeedIntoPostgreSqlAsync(postgres.ConnectionString, conversations);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed              {conversations:N0} conversations into PostgreSQL in {seed.Elapsed.TotalSeconds:F1} s"));
        }

        BotProcess.WarmLanguageModels();
        using var bot = BotProcess.Start(0, directory, environment: "Development",
            settings: postgres is null ? [] : ["--Storage:Provider", "PostgreSql", "--ConnectionStrings:CustomerCare", postgres.ConnectionString]);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(bot.Url) };
        await WaitUntilUpAsync(http);
        await SignInAsync(http);

        var first = Stopwatch.StartNew();
        await GetPageAsync(http, "/supervisors");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first page        {first.Elapsed.TotalMilliseconds:F0} ms (loads the conversation index into memory)"));

        (string Name, string Path)[] pages =
        [
            ("newest page", "/supervisors"),
            ("handed off", "/supervisors?outcome=handedOff"),
            ("granted, de, agent", "/supervisors?outcome=granted&language=de&agent=Cleo%20Agent"),
            ("date range + rating", $"/supervisors?from={DateTime.UtcNow.AddDays(-30):yyyy-MM-dd}&to={DateTime.UtcNow:yyyy-MM-dd}&rating=5"),
            ("handed off, page 100", "/supervisors?outcome=handedOff&page=100"),
            ("search locator", "/supervisors?q=BK" + (conversations / 2).ToString("D6", CultureInfo.InvariantCulture)),
            ("search rare word", "/supervisors?q=lounge%20strike"),
            ("search common word", "/supervisors?q=delayed&outcome=abandoned"),
        ];
        Console.WriteLine("page                       p50 ms   p95 ms   max ms   matches");
        foreach (var (name, path) in pages)
        {
            var times = new List<double>();
            var total = string.Empty;
            for (var i = 0; i < 30; i++)
            {
                var watch = Stopwatch.StartNew();
                var html = await GetPageAsync(http, path);
                times.Add(watch.Elapsed.TotalMilliseconds);
                total = Total().Match(html).Groups[1].Value;
            }
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-24} {times[times.Count / 2],8:F1} {times[(int)(times.Count * 0.95)],8:F1} {times[^1],8:F1}   {total}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak RSS          {bot.PeakRssMegabytes():F0} MB"));
        return 0;
    }

    private static async Task SeedIntoDataFileAsync(string path, int conversations)
    {
        using var file = LiteDbFile.Open(path);
        using var writer = new LiteDbWriter(file);
        var index = new ConversationIndex(file.Database, writer);
        var clock = TimeProvider.System;
        await SeedAsync(new TranscriptStore(file.Database, writer, index), new LiteDbCaseStore(file.Database, writer, clock, index), new LiteDbLedger(file.Database, writer, clock, index),
            conversations);
    }

    /// <summary>Through the stores the bot uses on PostgreSQL, the list fed as the bot feeds it (cases and grants tell it what changed).</summary>
    private static async Task SeedIntoPostgreSqlAsync(string connectionString, int conversations)
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString);
        await CustomerCare.Bot.Storage.PostgreSql.SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None);
        var list = new CustomerCare.Bot.Storage.PostgreSql.PostgreSqlConversationList(dataSource);
        var clock = TimeProvider.System;
        var cases = new CustomerCare.Bot.Storage.PostgreSql.PostgreSqlCaseStore(dataSource, clock,
            new ConversationListCases(list, Microsoft.Extensions.Logging.Abstractions.NullLogger<ConversationListCases>.Instance));
        var grants = new ConversationListGrants(list, Microsoft.Extensions.Logging.Abstractions.NullLogger<ConversationListGrants>.Instance);
        var ledger = new CustomerCare.Bot.Storage.PostgreSql.PostgreSqlLedger(dataSource, clock, recorded: grants.RecordedAsync);
        await SeedAsync(new CustomerCare.Bot.Storage.PostgreSql.PostgreSqlTranscriptStore(dataSource), cases, ledger, conversations);
        await using var analyze = dataSource.CreateCommand("ANALYZE");
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task SeedAsync(ITranscriptStore transcripts, ICaseStore cases, ICompensationLedger ledger, int conversations)
    {
        var random = new Random(7);
        var now = DateTime.UtcNow;
        const int Batch = 1000;
        for (var start = 0; start < conversations; start += Batch)
        {
            var entries = new List<TranscriptEntry>();
            var work = new List<Task>();
            for (var i = start; i < Math.Min(conversations, start + Batch); i++)
            {
                var conversation = "bench-" + i.ToString(CultureInfo.InvariantCulture);
                var locator = "BK" + i.ToString("D6", CultureInfo.InvariantCulture);
                var at = now.AddMinutes(-random.Next(0, 365 * 24 * 60));
                var locale = random.Next(3) == 0 ? "de-DE" : "en-US";
                var text = $"My flight was {Words[random.Next(Words.Length)]}, {Words[random.Next(Words.Length)]} and {Words[random.Next(Words.Length)]}, booking {locator}";
                entries.Add(Entry(conversation, at, "user", text, locale));
                entries.Add(Entry(conversation, at.AddSeconds(1), "bot", "And the passenger's last name, as on the booking?", locale));
                entries.Add(Entry(conversation, at.AddSeconds(20), "user", "Sample", locale));
                entries.Add(Entry(conversation, at.AddSeconds(21), "bot", "Our operations data shows that your flight arrived late.", locale));
                var handedOff = random.Next(5) == 0;
                var agent = Agents[random.Next(Agents.Length)];
                if (handedOff)
                {
                    entries.Add(Entry(conversation, at.AddSeconds(60), "bot", $"{agent}: I can help with the {Words[random.Next(Words.Length)]}.", locale) with { AgentName = agent });
                    var reference = "CC-B" + i.ToString("D6", CultureInfo.InvariantCulture);
                    work.Add(cases.OpenAsync(new CaseFile(reference, CaseReason.CustomerAskedForPerson, "directline", conversation, "dl_" + i, locale, at.AddSeconds(30), "delay", locator, "Sample", "CC400"), CancellationToken.None)
                        .ContinueWith(_ => cases.TryTakeAsync(reference, agent, agent, CancellationToken.None), TaskScheduler.Default).Unwrap()
                        .ContinueWith(_ => cases.TryMoveAsync(reference, CaseStatus.Rating, null, CancellationToken.None), TaskScheduler.Default).Unwrap()
                        .ContinueWith(_ => cases.TryMoveAsync(reference, CaseStatus.Closed, random.Next(1, 6), CancellationToken.None), TaskScheduler.Default).Unwrap());
                }
                if (random.Next(10) < 3)
                {
                    var flight = new Segment("CC400", "FRA", "JFK", at, at.AddHours(8), 400, "EUR");
                    var who = new PassengerJourney(locator, new Passenger("P" + i, "Pat", "Sample" + i, LoyaltyTier.Basic), new Journey([flight]));
                    var key = new GrantSubject("P" + i, locator, "CC400", DateOnly.FromDateTime(at), DisruptionKind.Delay);
                    var actor = handedOff ? new GrantActor(ActorKind.Agent, agent, agent, "directline", conversation) : new GrantActor(ActorKind.Bot, "bot", null, "directline", conversation);
                    work.Add(ledger.TryGrantAsync(new GrantRequest(who, key, [new GrantedRemedy("comp", RemedyKind.Compensation, 400, "EUR", "EU261 Art. 7")], "2025.01", actor, true,
                        Tier: (LoyaltyTier)random.Next(4), SeverityBand: "≥ 4 h, 1500–3500 km"), CancellationToken.None));
                }
            }
            work.Add(transcripts.AppendAsync(entries));
            await Task.WhenAll(work);
            Console.Write(string.Create(CultureInfo.InvariantCulture, $"\rseeding {Math.Min(conversations, start + Batch):N0}/{conversations:N0}"));
        }
        Console.WriteLine();
    }

    private static TranscriptEntry Entry(string conversation, DateTime at, string role, string text, string locale)
        => new("directline", conversation, at, role, "message", $$"""{"type":"message","text":"{{text}}","from":{"id":"{{(role == "user" ? "dl_" + conversation : "bot")}}","role":"{{role}}"},"timestamp":"{{at:O}}"}""")
        {
            Text = text,
            Locale = locale,
            FromId = role == "user" ? "dl_" + conversation : "bot",
        };

    private static async Task WaitUntilUpAsync(HttpClient http)
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Still starting.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The bot did not start.");
    }

    private static async Task SignInAsync(HttpClient http)
    {
        var form = await http.GetStringAsync("/supervisors/sign-in");
        var token = Token().Match(form).Groups[1].Value;
        var response = await http.PostAsync("/supervisors/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Bench Supervisor", ["role"] = "supervisor", ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Development sign-in failed: " + response.StatusCode);
        }
    }

    private static async Task<string> GetPageAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<span id=\"total\">(\\d+)</span>")]
    private static partial Regex Total();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
