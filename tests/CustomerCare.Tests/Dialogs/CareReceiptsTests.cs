using CustomerCare.Ledger;
using CustomerCare.Remedies;
using CustomerCare.Schema;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Dialogs;

/// <summary>
/// Care against receipts, in English and German (DEMO07, whose policy version pays care against receipts): within the
/// caps it is granted with the receipts kept; above them the rest goes to a person; care is paid once.
/// </summary>
public sealed class CareReceiptsTests
{
    public sealed record Phrases(string Locale, string Report, string Money, string Receipts, string Caps, string Meals, string Transport, string Done, string Yes,
        string FileRetry, string Granted, string ForAPerson, string AlreadyGranted, string Amount);

    public static TheoryData<Phrases> Languages => new()
    {
        new Phrases("en-US", "My flight CC218 was delayed, booking DEMO07", "Money", "I have receipts", "up to: €20.00 for meals and drinks for the 3.7 h wait",
            "Meals", "Local transport", "that's all", "yes", "I need the receipt as a photo", "Paid back: €", "above the policy's caps", "already granted", "."),
        new Phrases("de-DE", "Mein Flug CC218 hatte Verspätung, Buchung DEMO07", "Geld", "Ich habe Belege", "bis zu: 20,00 € für Mahlzeiten und Getränke für die Wartezeit von 3,7 Std.",
            "Mahlzeiten", "Fahrten vor Ort", "das war's", "ja", "Ich brauche den Beleg als Foto", "Erstattet: ", "über den Höchstbeträgen", "bereits am", ","),
    };

    private static async Task<TestConversation> GrantedWithoutCareAsync(Phrases say)
    {
        var conversation = new TestConversation(say.Locale);
        await conversation.SayAsync(say.Report);
        var offer = await conversation.SayAsync("Vorbild");
        Assert.Contains(say.Locale == "en-US" ? "paid back against your receipts" : "gegen Belege erstattet", offer, StringComparison.Ordinal);
        await conversation.SayAsync(say.Money);
        var entry = Assert.Single(await conversation.Ledger.ForBookingAsync("DEMO07", CancellationToken.None));
        Assert.DoesNotContain(entry.Remedies, r => r.Kind == RemedyKind.Care);
        return conversation;
    }

    private static Activity File(string name, string type) => new()
    {
        Type = ActivityTypes.Message,
        // As the bot's own Direct Line delivers an upload.
        ServiceUrl = OwnDirectLine.ServiceUrl,
        Attachments = [new Attachment { Name = name, ContentType = type, ContentUrl = "https://bot.test/v3/directline/attachments/" + Guid.NewGuid().ToString("N") }],
    };

    private static async Task<string> SendFileAsync(TestConversation conversation, string name, string type)
    {
        await conversation.SendAsync(File(name, type));
        var replies = new List<string>();
        while (conversation.PendingReplies > 0)
        {
            replies.Add(conversation.NextReply().Text ?? string.Empty);
        }
        return string.Join("\n", replies);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task ReceiptsWithinTheCaps_AreGranted_WithTheReceiptsKept_AndOnlyOnce(Phrases say)
    {
        using var conversation = await GrantedWithoutCareAsync(say);

        Assert.Contains(say.Caps, await conversation.SayAsync(say.Receipts), StringComparison.Ordinal);
        await conversation.SayAsync(say.Meals);
        await conversation.SayAsync($"18{say.Amount}50");
        Assert.Contains(say.FileRetry, await conversation.SayAsync("here it is"), StringComparison.Ordinal);
        await SendFileAsync(conversation, "lunch.jpg", "image/jpeg");
        await conversation.SayAsync(say.Transport);
        await conversation.SayAsync("35");
        await SendFileAsync(conversation, "taxi.pdf", "application/pdf");
        Assert.Contains("taxi.pdf", await conversation.SayAsync(say.Done), StringComparison.Ordinal);
        Assert.Contains(say.Granted, await conversation.SayAsync(say.Yes), StringComparison.Ordinal);

        var care = Assert.Single(await conversation.Ledger.ForBookingAsync("DEMO07", CancellationToken.None), e => e.Remedies.Any(r => r.Kind == RemedyKind.Care));
        Assert.Equal([("care.receipts.meals", 18.50m), ("care.receipts.localtransport", 35m)], care.Remedies.Select(r => (r.Code, r.Amount)));
        Assert.Equal(["lunch.jpg", "taxi.pdf"], care.Receipts.Select(r => r.FileName));
        Assert.Equal(53.50m, (await conversation.Payouts.FindAsync(care.Reference, CancellationToken.None))!.Instruction.Amounts.Single().Amount);

        // The same receipts again: care for the journey is used up.
        Assert.Contains(say.AlreadyGranted, await conversation.SayAsync(say.Receipts), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task ReceiptsAboveTheCaps_AreGrantedUpToThem_AndTheRestGoesToAPersonWithTheReceipts(Phrases say)
    {
        using var conversation = await GrantedWithoutCareAsync(say);

        await conversation.SayAsync(say.Receipts);
        await conversation.SayAsync(say.Meals);
        await conversation.SayAsync("32");
        await SendFileAsync(conversation, "dinner.png", "image/png");
        await conversation.SayAsync(say.Done);
        var answer = await conversation.SayAsync(say.Yes);
        Assert.Contains(say.ForAPerson, answer, StringComparison.Ordinal);

        var care = Assert.Single(await conversation.Ledger.ForBookingAsync("DEMO07", CancellationToken.None), e => e.Remedies.Any(r => r.Kind == RemedyKind.Care));
        Assert.Equal(20m, care.Remedies.Sum(r => r.Amount));
        var open = Assert.Single(await conversation.Cases.ListOpenAsync(CancellationToken.None));
        Assert.Contains("Meals 32.00 EUR (dinner.png", open.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task ReportingAgain_WhenOnlyReceiptsAreOpen_OffersThemAndAsksToConfirmNothing(Phrases say)
    {
        using var conversation = await GrantedWithoutCareAsync(say);

        await conversation.SayAsync(say.Report);
        var again = await conversation.SayAsync("Vorbild");

        Assert.Contains(say.Locale == "en-US" ? "say \"receipts\"" : "Sagen Sie „Belege“", again, StringComparison.Ordinal);
        Assert.DoesNotContain(say.Locale == "en-US" ? "Shall I grant" : "Soll ich", again, StringComparison.Ordinal);
        Assert.Single(await conversation.Ledger.ForBookingAsync("DEMO07", CancellationToken.None));
        // The receipts can follow straight away: the report identified the journey.
        Assert.Contains(say.Caps, await conversation.SayAsync(say.Receipts), StringComparison.Ordinal);
    }
}
