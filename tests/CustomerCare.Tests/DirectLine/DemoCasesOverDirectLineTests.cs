using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.DirectLine;

/// <summary>Every demo case end to end through Direct Line, in English and in German.</summary>
public sealed class DemoCasesOverDirectLineTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    public static TheoryData<string, string[], string> Cases => new()
    {
        { "en-US", ["My flight CC400 was delayed, booking DEMO01", "Sample", "yes"], "Your reference is G-" },
        { "de-DE", ["Mein Flug CC400 hatte Verspätung, Buchung DEMO01", "Sample", "ja"], "Ihre Referenz ist G-" },
        { "en-US", ["My flight was cancelled, booking DEMO02", "Beispiel", "yes"], "Your reference is G-" },
        { "de-DE", ["Mein Flug wurde annulliert, Buchung DEMO02", "Beispiel", "ja"], "Ihre Referenz ist G-" },
        { "en-US", ["My flight was delayed, booking DEMO03", "Muster"], "(cause: weather)" },
        { "de-DE", ["Mein Flug hatte Verspätung, Buchung DEMO03", "Muster"], "(Ursache: Wetter)" },
        { "en-US", ["I was denied boarding, booking DEMO04", "Example"], "needs a person's approval" },
        { "de-DE", ["Ich wurde nicht befördert, überbucht, Buchung DEMO04", "Example"], "Freigabe durch einen Menschen" },
        { "en-US", ["My flight was delayed, booking DEMO05", "Probe", "no"], "nothing has been granted" },
        { "de-DE", ["Mein Flug hatte Verspätung, Buchung DEMO05", "Probe", "nein"], "es wurde nichts gewährt" },
        { "en-US", ["My flight was delayed, booking DEMO06", "Testfall", "Robin", "me"], "reached JFK 5 h 15 min late" },
        { "de-DE", ["Mein Flug hatte Verspätung, Buchung DEMO06", "Testfall", "Robin", "nur mich"], "JFK mit 5 Std. 15 Min. Verspätung" },
        { "en-US", ["My flight was delayed, booking DEMO08", "Sommer", "Anna", "everyone", "yes"], "Done. Granted for each traveller:" },
        { "de-DE", ["Mein Flug hatte Verspätung, Buchung DEMO08", "Sommer", "Anna", "alle", "ja"], "Erledigt. Gewährt für jeden Reisenden:" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task DemoCase_EndToEnd(string locale, string[] messages, string expected)
    {
        var client = await new DirectLineClient(_host.CreateClient()).StartAsync(locale);
        string watermark = "0";
        foreach (var message in messages)
        {
            (_, watermark) = await client.GetActivitiesAsync();
            await client.PostMessageAsync(message);
        }

        var last = string.Join("\n", await client.BotTextsAsync(watermark));
        Assert.Contains(expected, last, StringComparison.Ordinal);
    }
}
