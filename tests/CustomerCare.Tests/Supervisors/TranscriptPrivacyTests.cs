using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Cases;
using CustomerCare.Ledger;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Supervisors;

/// <summary>Stored transcripts keep no card numbers, IBANs, e-mail addresses or phone numbers, and expire; the ledger stays.</summary>
public sealed class TranscriptPrivacyTests : IDisposable
{
    private readonly BotHost _host = new() { Settings = { ["Supervisors:TranscriptRetentionDays"] = "2" } };

    public void Dispose() => _host.Dispose();

    private async Task<IReadOnlyList<CustomerCare.Schema.Activity>> StoredAsync(string conversationId, Func<IReadOnlyList<CustomerCare.Schema.Activity>, bool> done)
    {
        var store = _host.Services.GetRequiredService<TranscriptStore>();
        for (var i = 0; i < 100; i++)
        {
            var activities = store.GetActivities("directline", conversationId);
            if (done(activities))
            {
                return activities;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The transcript was not written.");
    }

    [Fact]
    public async Task CustomerTypesCardIbanEmailAndPhone_StoredTranscriptIsMasked_ButTheCaseKeepsTheCallbackAddress()
    {
        var customer = await new DirectLineClient(_host.CreateClient()).StartAsync();
        await customer.PostMessageAsync("talk to a human");
        await customer.PostMessageAsync("my card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, phone +49 30 1234567");
        await customer.PostMessageAsync("write to kim.probe@example.com");

        var stored = await StoredAsync(customer.ConversationId!, a => a.Count(x => x.From?.Role == "user" && x.Type == "message") == 3);
        var all = string.Join("\n", stored.Select(a => a.Text));
        Assert.Contains("my card [card ••••1111], IBAN [IBAN DE••], phone [phone]", all, StringComparison.Ordinal);
        Assert.Contains("write to [e-mail]", all, StringComparison.Ordinal);
        Assert.DoesNotContain("4111 1111", all, StringComparison.Ordinal);
        Assert.DoesNotContain("kim.probe@example.com", all, StringComparison.Ordinal);

        var cases = await _host.Services.GetRequiredService<ICaseStore>().ForConversationAsync("directline", customer.ConversationId!, CancellationToken.None);
        Assert.True(Assert.Single(cases).CallbackRequested);
    }

    [Fact]
    public async Task WhatPeopleTypeIntoCardsChannelDataAndFileNames_IsMaskedInTheStoredTranscriptToo()
    {
        var customer = await new DirectLineClient(_host.CreateClient()).StartAsync();
        var response = await customer.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{customer.ConversationId}/activities", new
        {
            type = "message",
            from = new { id = customer.UserId },
            value = new { iban = "DE89 3704 0044 0532 0130 00", note = "mail me at kim.probe@example.com" },
            channelData = new { clientActivityID = "abc123", comment = "card 4111 1111 1111 1111" },
            attachments = new object[]
            {
                new { contentType = "application/vnd.microsoft.card.adaptive", name = "kim.probe@example.com.json",
                    content = new { type = "AdaptiveCard", version = "1.5", body = new object[] { new { type = "TextBlock", text = "call +49 30 1234567" } } } },
            },
        });
        Assert.True(response.IsSuccessStatusCode);

        var stored = await StoredAsync(customer.ConversationId!, a => a.Any(x => x.From?.Role == "user" && x.Value is not null));
        var json = System.Text.Json.JsonSerializer.Serialize(stored.Single(x => x.Value is not null), CustomerCare.Schema.ProtocolJsonContext.Default.Activity);
        foreach (var secret in new[] { "0532 0130", "kim.probe@example.com", "4111 1111", "1234567" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        }
        Assert.Contains("[IBAN DE••]", System.Text.RegularExpressions.Regex.Unescape(json), StringComparison.Ordinal);
        // What carries no personal data is kept as it was.
        Assert.Contains("abc123", json, StringComparison.Ordinal);
        Assert.Contains("AdaptiveCard", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterTheRetentionPeriod_TranscriptsAreDeleted_LedgerEntriesStay()
    {
        var customer = await new DirectLineClient(_host.CreateClient()).StartAsync();
        await customer.PostMessageAsync("hello");
        var key = LedgerRequests.Passenger("DEMO01", "P1", flights: LedgerRequests.Flight("CC400", departure: new DateTime(2025, 3, 14, 10, 0, 0, DateTimeKind.Utc)));
        var ledger = _host.Services.GetRequiredService<ICompensationLedger>();
        await ledger.TryGrantAsync(LedgerRequests.Request(key, new GrantActor(ActorKind.Bot, "bot", null, "directline", customer.ConversationId!),
            remedy: new GrantedRemedy("comp", RemedyKind.Compensation, 400, "EUR", "EU261 Art. 7")), CancellationToken.None);
        await StoredAsync(customer.ConversationId!, a => a.Count > 0);
        var waiting = await new DirectLineClient(_host.CreateClient()).StartAsync();
        await waiting.PostMessageAsync("talk to a human");
        await StoredAsync(waiting.ConversationId!, a => a.Count > 1);

        var retention = _host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DataRetention>().Single();
        Assert.Equal(0, (await retention.RunOnceAsync()).Conversations);
        _host.Clock.Advance(TimeSpan.FromDays(1));
        var other = await new DirectLineClient(_host.CreateClient()).StartAsync();
        await other.PostMessageAsync("still here");
        await StoredAsync(other.ConversationId!, a => a.Any(x => x.Text == "still here"));
        _host.Clock.Advance(TimeSpan.FromDays(1.5));

        // The job also runs on its own timer, which the clock's advance may already have fired.
        await retention.RunOnceAsync();
        var store = _host.Services.GetRequiredService<TranscriptStore>();
        Assert.False(store.Exists("directline", customer.ConversationId!));
        Assert.True(store.Exists("directline", other.ConversationId!));
        Assert.True(store.Exists("directline", waiting.ConversationId!), "a conversation whose case still waits for a person is kept");
        Assert.Null(await _host.Services.GetRequiredService<ConversationIndex>().FindAsync("directline", customer.ConversationId!));
        Assert.Single(await ledger.HoldersAsync(key, [RemedyKind.Compensation], DisruptionFamily.Flight, CancellationToken.None));
        var search = _host.Services.GetRequiredService<ConversationSearch>();
        Assert.Empty(await search.AllAsync(new ConversationQuery { Search = "hello" }));
        Assert.Single(await search.AllAsync(new ConversationQuery { Search = "still here" }));
    }
}
