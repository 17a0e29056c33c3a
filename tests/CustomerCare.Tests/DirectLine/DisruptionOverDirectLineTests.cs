using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.DirectLine;

/// <summary>Demo cases through the Direct Line endpoint, as Web Chat plays them, in both languages.</summary>
public sealed class DisruptionOverDirectLineTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    private static async Task<string> TurnAsync(DirectLineClient client, string text)
    {
        var (_, watermark) = await client.GetActivitiesAsync();
        await client.PostMessageAsync(text);
        return string.Join("\n", await client.BotTextsAsync(watermark));
    }

    [Fact]
    public async Task Demo01_InEnglish_GrantsOnce_AndTheSecondConversationIsToldItWasGranted()
    {
        var first = await new DirectLineClient(_host.CreateClient()).StartAsync("en-US");
        Assert.Contains("last name", await TurnAsync(first, "My flight CC400 was delayed, booking DEMO01"), StringComparison.Ordinal);
        Assert.Contains("€649.00 in total", await TurnAsync(first, "Sample"), StringComparison.Ordinal);
        var receipt = await TurnAsync(first, "yes");
        Assert.Matches("Your reference is G-[A-Z0-9]{8}", receipt);

        var second = await new DirectLineClient(_host.CreateClient()).StartAsync("en-US");
        await TurnAsync(second, "My flight CC400 was delayed, booking DEMO01");
        var answer = await TurnAsync(second, "Sample");
        Assert.Contains("already granted €649.00", answer, StringComparison.Ordinal);
        Assert.Contains("via the web chat", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("in total", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo01_InGerman_TheCauseAndTheChannelOfTheEarlierGrantAreSaidInGerman()
    {
        var first = await new DirectLineClient(_host.CreateClient()).StartAsync("de-DE");
        await TurnAsync(first, "Mein Flug CC400 hatte Verspätung, Buchung DEMO01");
        Assert.Contains("(Ursache: ein technischer Defekt)", await TurnAsync(first, "Sample"), StringComparison.Ordinal);
        await TurnAsync(first, "ja");

        var second = await new DirectLineClient(_host.CreateClient()).StartAsync("de-DE");
        await TurnAsync(second, "Mein Flug CC400 hatte Verspätung, Buchung DEMO01");
        var answer = await TurnAsync(second, "Sample");

        Assert.Contains("über den Web-Chat gewährt", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("directline", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("technical", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo02_InGerman_ExplainsTheHalvedAmount_AndGrantsOnConfirmation()
    {
        var client = await new DirectLineClient(_host.CreateClient()).StartAsync("de-DE");
        Assert.Contains("Was ist passiert?", await TurnAsync(client, "Störung melden"), StringComparison.Ordinal);
        Assert.Contains("Buchungscode", await TurnAsync(client, "Annullierung"), StringComparison.Ordinal);
        Assert.Contains("Nachname", await TurnAsync(client, "DEMO02"), StringComparison.Ordinal);
        var options = await TurnAsync(client, "Beispiel");
        Assert.Contains("200,00 € Entschädigung – der halbe Betrag", options, StringComparison.Ordinal);
        Assert.Contains("insgesamt 237,50 €", options, StringComparison.Ordinal);
        Assert.Contains("Ihre Referenz ist G-", await TurnAsync(client, "Ja"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "My flight was delayed, booking XYZ123", "Smith", "couldn't find booking XYZ123")]
    [InlineData("de-DE", "Flug verspätet, Buchung XYZ123", "Schmidt", "konnte die Buchung XYZ123")]
    public async Task UnknownBooking_GetsAClearAnswer_AndChangesNothing(string locale, string report, string name, string expected)
    {
        var client = await new DirectLineClient(_host.CreateClient()).StartAsync(locale);
        await TurnAsync(client, report);

        Assert.Contains(expected, await TurnAsync(client, name), StringComparison.Ordinal);
    }
}
