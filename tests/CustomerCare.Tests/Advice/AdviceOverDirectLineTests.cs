using System.Text.Json.Nodes;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Advice;

/// <summary>Both catalogs, both languages, through Direct Line: the competitor that fits best is named as such; answers can be changed.</summary>
public sealed class AdviceOverDirectLineTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    private static async Task<(string Text, JsonArray Activities)> TurnAsync(DirectLineClient client, string text)
    {
        var (_, watermark) = await client.GetActivitiesAsync();
        await client.PostMessageAsync(text);
        var (activities, _) = await client.GetActivitiesAsync(watermark);
        var bot = new JsonArray(activities.Where(a => a!["from"]?["role"]?.GetValue<string>() == "bot").Select(a => a!.DeepClone()).ToArray());
        return (string.Join("\n", bot.Select(a => a!["text"]?.GetValue<string>() ?? string.Empty)), bot);
    }

    public static TheoryData<string, string[], string, string, bool> Walks => new()
    {
        { "en-US", ["Get product advice", "Ways to travel Frankfurt – London", "Good value", "I have all day", "Yes, a big suitcase", "Quite likely", "A lot"],
            "1. High-speed rail via Brussels (EuroRail, not ours)", "is not ours — and I recommend it anyway", true },
        { "de-DE", ["Produktberatung", "Reisewege Frankfurt – London", "Gutes Preis-Leistungs-Verhältnis", "Ich habe den ganzen Tag", "Ja, einen großen Koffer", "Gut möglich", "Sehr wichtig"],
            "1. High-speed rail via Brussels (EuroRail, nicht von uns)", "das ist nicht unseres, und ich empfehle es trotzdem", true },
        { "en-US", ["Get product advice", "Travel insurance", "Just this one", "No, I'm sure to go", "No", "As low as possible"],
            "1. CustomerCare Basic Cover (CustomerCare Air, ours)", "is one of them", false },
        { "de-DE", ["Produktberatung", "Reiseversicherung", "Drei oder mehr", "Ja, möglich", "Ja", "Der Schutz ist wichtiger"],
            "1. GlobeCover Annual (GlobeCover, nicht von uns) – 89,00 €", "das ist nicht unseres", true },
    };

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Catalog_IsWalked_AndTheBestFitIsRecommendedWithADisclosureAndACard(string locale, string[] messages, string first, string disclosure, bool competitorWins)
    {
        var client = await new DirectLineClient(_host.CreateClient()).StartAsync(locale);
        (string Text, JsonArray Activities) last = (string.Empty, []);
        foreach (var message in messages)
        {
            last = await TurnAsync(client, message);
        }

        Assert.Contains(first, last.Text, StringComparison.Ordinal);
        Assert.Contains(disclosure, last.Text, StringComparison.Ordinal);
        var card = Assert.Single(last.Activities, a => a!["attachments"] is not null)!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["contentType"]!.GetValue<string>());
        Assert.Equal("1.5", card["content"]!["version"]!.GetValue<string>());
        Assert.Equal(3, card["content"]!["actions"]!.AsArray().Count);
        Assert.Equal(competitorWins, first.Contains("not ours", StringComparison.Ordinal) || first.Contains("nicht von uns", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GoingBack_AsksThePreviousQuestionAgain_AndChangingAnAnswerChangesTheRecommendation()
    {
        var client = await new DirectLineClient(_host.CreateClient()).StartAsync("en-US");
        await TurnAsync(client, "Get product advice");
        await TurnAsync(client, "Ways to travel Frankfurt – London");
        await TurnAsync(client, "Price doesn't matter");
        Assert.Contains("Will you bring a big suitcase?", (await TurnAsync(client, "Fastest door to door")).Text, StringComparison.Ordinal);
        Assert.Contains("How important is getting there fast?", (await TurnAsync(client, "Back")).Text, StringComparison.Ordinal);
        await TurnAsync(client, "Fastest door to door");
        await TurnAsync(client, "Yes, a big suitcase");
        await TurnAsync(client, "Quite likely");
        var own = await TurnAsync(client, "Not a deciding factor");
        Assert.Contains("1. CustomerCare Air Flex", own.Text, StringComparison.Ordinal);

        Assert.Contains("How much does the climate impact matter to you?", (await TurnAsync(client, "Change an answer")).Text, StringComparison.Ordinal);
        var why = await TurnAsync(client, "A lot");
        Assert.Contains("1. ", why.Text, StringComparison.Ordinal);
        var whyNot = await TurnAsync(client, "why not the train?");
        Assert.Contains("High-speed rail via Brussels ranks", whyNot.Text, StringComparison.Ordinal);
        Assert.Contains("takes much longer", whyNot.Text, StringComparison.Ordinal);
    }
}
