using System.Net;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Ledger;
using CustomerCare.Payouts;
using CustomerCare.Privacy;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Privacy;

/// <summary>
/// One retention run covers every collection: an expired conversation goes with its state, its customer's user
/// state, its uploads, its closed case and the supervisors' reviews; its grant stays, pseudonymised once paid. A
/// conversation whose case waits for a person, an unpaid grant and a recent conversation are left as they were.
/// </summary>
public sealed class RetentionAcrossCollectionsTests
{
    private const string Channel = "directline";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Retention_DeletesAnExpiredConversationFromEveryCollection_AndPseudonymisesItsPaidGrant(bool postgreSql)
    {
        await using var host = new BotHost { Settings = { ["Supervisors:TranscriptRetentionDays"] = "2" } };
        if (postgreSql)
        {
            host.Settings["Storage:Provider"] = "PostgreSql";
            host.Settings["ConnectionStrings:CustomerCare"] = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync("retention");
        }
        var http = host.CreateClient();
        var services = host.Services;
        var cases = services.GetRequiredService<ICaseStore>();
        var storage = services.GetRequiredService<IStorage>();
        var transcripts = services.GetRequiredService<ITranscriptStore>();

        // Alex is granted €649, sends a photo, asks for a person, is helped and rates; a supervisor reviews it; finance pays.
        var alex = await new DirectLineClient(http).StartAsync();
        await alex.PostEventAsync("webchat/join");
        foreach (var text in new[] { "My flight CC400 was delayed, booking DEMO01", "Sample", "yes" })
        {
            await alex.PostMessageAsync(text);
        }
        Assert.Equal(HttpStatusCode.OK, await alex.UploadAsync("selfie.jpg", "JPEG"u8.ToArray()));
        await alex.PostMessageAsync("talk to a human");
        var alexCase = Assert.Single(await cases.ForConversationAsync(Channel, alex.ConversationId!, CancellationToken.None)).Case.Reference;
        Assert.True((await cases.TryTakeAsync(alexCase, "agent-1", "Ada Agent", CancellationToken.None)).TakenByCaller);
        Assert.True(await cases.TryMoveAsync(alexCase, CaseStatus.Rating, null, CancellationToken.None));
        Assert.True(await cases.TryMoveAsync(alexCase, CaseStatus.Closed, 5, CancellationToken.None));
        await services.GetRequiredService<ISupervisorReviews>().AddAsync(Channel, alex.ConversationId!, "Sue Supervisor", 4, "Friendly and quick");
        var alexGrant = Assert.Single(await GrantsAsync(host), e => e.Subject.BookingReference == "DEMO01");
        Assert.Equal("Alex Sample", alexGrant.Subject.PassengerName);
        Assert.IsType<PayoutReportOutcome.Recorded>(await services.GetRequiredService<IPayoutStore>()
            .ReportAsync(alexGrant.Reference, new FinanceReport(true, null, null), host.Clock.GetUtcNow().UtcDateTime, CancellationToken.None));
        var upload = await UploadLinkAsync(alex);

        // Maria is granted too, but not yet paid, and waits for a person.
        var maria = await new DirectLineClient(http).StartAsync("de-DE");
        foreach (var text in new[] { "Störung melden", "Annullierung", "DEMO02", "Beispiel", "Ja", "Mit einem Menschen sprechen" })
        {
            await maria.PostMessageAsync(text);
        }
        Assert.Contains(await cases.ForConversationAsync(Channel, maria.ConversationId!, CancellationToken.None), c => c.Status == CaseStatus.Open);

        await WaitForTranscriptAsync(transcripts, alex.ConversationId!, "talk to a human");
        await WaitForTranscriptAsync(transcripts, maria.ConversationId!, "Mit einem Menschen sprechen");
        Assert.NotNull(await storage.ReadAsync(StateKeys.Conversation(Channel, alex.ConversationId!), CancellationToken.None));
        Assert.NotNull(await storage.ReadAsync(StateKeys.User(Channel, alex.UserId!), CancellationToken.None));
        var retention = services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DataRetention>().Single();
        Assert.True((await retention.RunOnceAsync()).IsNothing, "nothing is older than two days yet");

        host.Clock.Advance(TimeSpan.FromDays(1));
        var recent = await new DirectLineClient(http).StartAsync();
        await recent.PostEventAsync("webchat/join");
        await recent.PostMessageAsync("hello");
        await WaitForTranscriptAsync(transcripts, recent.ConversationId!, "hello");
        host.Clock.Advance(TimeSpan.FromDays(1.5));

        // The job also runs on its own timer, which the clock's advance may already have fired: what it did is checked below.
        await retention.RunOnceAsync();

        Assert.False(await transcripts.ExistsAsync(Channel, alex.ConversationId!, CancellationToken.None));
        Assert.Null(await services.GetRequiredService<IConversationList>().FindAsync(Channel, alex.ConversationId!));
        Assert.Null(await storage.ReadAsync(StateKeys.Conversation(Channel, alex.ConversationId!), CancellationToken.None));
        Assert.Null(await storage.ReadAsync(StateKeys.User(Channel, alex.UserId!), CancellationToken.None));
        Assert.Null(await cases.FindAsync(alexCase, CancellationToken.None));
        Assert.Empty(await services.GetRequiredService<ISupervisorReviews>().ForAsync(Channel, alex.ConversationId!, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(upload)).StatusCode);

        // The grant stays, with what it paid and for which booking and passenger, under a stable pseudonym.
        var pseudonym = LedgerPseudonyms.For("DEMO01", "DEMO01-1");
        var kept = Assert.Single(await GrantsAsync(host), e => e.Reference == alexGrant.Reference);
        Assert.Equal((pseudonym, "DEMO01", "DEMO01-1", 649m), (kept.Subject.PassengerName, kept.Subject.BookingReference, kept.Subject.PassengerId, kept.Total("EUR")));
        var payout = (await services.GetRequiredService<IPayoutStore>().FindAsync(alexGrant.Reference, CancellationToken.None))!;
        Assert.Equal((pseudonym, PayoutStatus.Paid), (payout.Instruction.PassengerName, payout.Status));

        // What waits for a person, what is not yet paid, and what is recent are left as they were.
        Assert.True(await transcripts.ExistsAsync(Channel, maria.ConversationId!, CancellationToken.None));
        Assert.NotNull(await storage.ReadAsync(StateKeys.Conversation(Channel, maria.ConversationId!), CancellationToken.None));
        Assert.Contains(await cases.ForConversationAsync(Channel, maria.ConversationId!, CancellationToken.None), c => c.Status == CaseStatus.Open);
        Assert.Equal("Maria Beispiel", Assert.Single(await GrantsAsync(host), e => e.Subject.BookingReference == "DEMO02").Subject.PassengerName);
        Assert.True(await transcripts.ExistsAsync(Channel, recent.ConversationId!, CancellationToken.None));
        Assert.NotNull(await storage.ReadAsync(StateKeys.Conversation(Channel, recent.ConversationId!), CancellationToken.None));
        Assert.NotNull(await storage.ReadAsync(StateKeys.User(Channel, recent.UserId!), CancellationToken.None));

        Assert.True((await retention.RunOnceAsync()).IsNothing, "a second run finds nothing left to do");
    }

    private static Task<IReadOnlyList<LedgerEntry>> GrantsAsync(BotHost host)
        => host.Services.GetRequiredService<ILedgerHistory>().GrantedAsync(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc), CancellationToken.None);

    private static async Task<string> UploadLinkAsync(DirectLineClient customer)
        => (await customer.GetActivitiesAsync()).Activities.SelectMany(a => a!["attachments"]?.AsArray() ?? [])
            .Select(a => a!["contentUrl"]?.GetValue<string>()).OfType<string>().Select(u => new Uri(u).PathAndQuery).Single();

    private static async Task WaitForTranscriptAsync(ITranscriptStore store, string conversationId, string text)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await store.GetActivitiesAsync(Channel, conversationId, CancellationToken.None)).Any(a => a.Text == text))
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The transcript was not written.");
    }
}
