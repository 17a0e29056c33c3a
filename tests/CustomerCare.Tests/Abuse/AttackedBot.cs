using System.Text.RegularExpressions;
using CustomerCare.Bot.Operations;
using CustomerCare.Cases;
using CustomerCare.Ledger;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// The real bot on its own data file, with agents in a simulated Teams (signed channel tokens from a local
/// authority), for tests that attack its guarantees from outside: Direct Line, /api/messages and the pages.
/// </summary>
public sealed partial class AttackedBot : IAsyncDisposable
{
    private AttackedBot(BotHost host, TeamsAgents teams)
    {
        Host = host;
        Teams = teams;
    }

    public BotHost Host { get; }

    public TeamsAgents Teams { get; }

    public HttpClient Http => Host.CreateClient();

    public ICompensationLedger Ledger => Host.Services.GetRequiredService<ICompensationLedger>();

    public ICaseStore Cases => Host.Services.GetRequiredService<ICaseStore>();

    public IApprovalStore Approvals => Host.Services.GetRequiredService<IApprovalStore>();

    /// <summary>The bookings and flight operations, as the nightly import writes them.</summary>
    public CustomerCare.Bot.Operations.IOperationsStore Operations => Host.Services.GetRequiredService<CustomerCare.Bot.Operations.IOperationsStore>();

    /// <summary>Starts the bot (on <paramref name="dataPath"/> if given) with the bot installed in the agents' channel.</summary>
    /// <summary>A bot whose ledger, approvals and state are in a fresh PostgreSQL database (or the one given).</summary>
    public static async Task<AttackedBot> StartOnPostgreSqlAsync(string? dataPath = null, string? connectionString = null)
    {
        connectionString ??= await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync("attacked");
        var bot = await StartAsync(dataPath, host =>
        {
            host.Settings["Storage:Provider"] = "PostgreSql";
            host.Settings["ConnectionStrings:CustomerCare"] = connectionString;
        });
        Assert.IsType<CustomerCare.Bot.Storage.PostgreSql.PostgreSqlLedger>(bot.Ledger);
        Assert.IsType<CustomerCare.Bot.Storage.PostgreSql.PostgreSqlApprovalStore>(bot.Approvals);
        return bot;
    }

    public static async Task<AttackedBot> StartAsync(string? dataPath = null, Action<BotHost>? configure = null, bool install = true)
    {
        var teams = await TeamsAgents.StartAsync();
        var host = new BotHost(dataPath);
        teams.Configure(host);
        configure?.Invoke(host);
        var bot = new AttackedBot(host, teams);
        if (install)
        {
            await teams.SendAsync(bot.Http, teams.InChannel("conversationUpdate", "ada", "Ada Agent"));
        }
        return bot;
    }

    /// <summary>A customer says each message in turn in a new Web Chat conversation; returns the client and everything the bot said.</summary>
    public async Task<(DirectLineClient Customer, string Said)> CustomerSaysAsync(string locale, params string[] messages)
    {
        var customer = await new DirectLineClient(Http).StartAsync(locale);
        var (_, start) = await customer.GetActivitiesAsync();
        foreach (var message in messages)
        {
            await customer.PostMessageAsync(message);
        }
        return (customer, string.Join("\n", await customer.BotTextsAsync(start)));
    }

    /// <summary>A customer identifies the booking, then asks for a person: the case reference the bot told them.</summary>
    public async Task<(DirectLineClient Customer, string Case)> HandedOffAsync(string report, string lastName, string locale = "en-US")
    {
        var (customer, said) = await CustomerSaysAsync(locale, report, lastName);
        if (!CaseReference().IsMatch(said))
        {
            var (_, mark) = await customer.GetActivitiesAsync();
            await customer.PostMessageAsync("I want to talk to a person");
            said = string.Join("\n", await customer.BotTextsAsync(mark));
        }
        return (customer, CaseIn(said));
    }

    /// <summary>The case reference in what the bot said.</summary>
    public static string CaseIn(string said)
        => CaseReference().Match(said) is { Success: true } match ? match.Value : throw new InvalidOperationException("No case was opened: " + said);

    /// <summary>The approval reference in an agent's reply.</summary>
    public static string ApprovalIn(string? reply)
        => ApprovalReference().Match(reply ?? string.Empty) is { Success: true } match ? match.Value : throw new InvalidOperationException("No approval was asked: " + reply);


    /// <summary>An agent takes the case from its card; returns the case's agents' thread.</summary>
    public async Task<string> TakeAsync(string caseReference, string agentId = "ada", string agentName = "Ada Agent")
    {
        var response = await Teams.PostAsync(Http, Teams.CardAction(agentId, agentName, "take", caseReference));
        response.EnsureSuccessStatusCode();
        return await ThreadOfAsync(caseReference);
    }

    public async Task<string> ThreadOfAsync(string caseReference)
        => (await Cases.FindHeldAsync(caseReference, CancellationToken.None))?.Thread?.ThreadId ?? throw new InvalidOperationException("The case was not posted to the agents' channel.");

    /// <summary>An agent writes in a case's thread; returns what the bot answered there, if anything.</summary>
    public async Task<string?> AgentWritesAsync(string thread, string agentId, string agentName, string text, string tenant = TeamsAgents.Tenant, string channel = TeamsAgents.AgentChannel, string? team = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var response = await Teams.PostAsync(Http, Teams.InThread(agentId, agentName, text, thread, tenant, channel, team, id));
        response.EnsureSuccessStatusCode();
        return Teams.Channel.Calls.LastOrDefault(c => c.Path.EndsWith("/activities/" + id, StringComparison.Ordinal)).Body?["text"]?.GetValue<string>();
    }

    public async Task<IReadOnlyList<LedgerEntry>> GrantsOnAsync(string booking) => await Ledger.ForBookingAsync(booking, CancellationToken.None);

    public async Task<IReadOnlyList<LedgerEntry>> GrantsOnAsync(params string[] bookings)
    {
        var all = new List<LedgerEntry>();
        foreach (var booking in bookings)
        {
            all.AddRange(await GrantsOnAsync(booking));
        }
        return all;
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Teams.DisposeAsync();
    }

    [GeneratedRegex("CC-[2-9A-HJ-NP-Z]{6}")]
    private static partial Regex CaseReference();

    [GeneratedRegex("A-[2-9A-HJ-NP-Z]{6}")]
    private static partial Regex ApprovalReference();
}
