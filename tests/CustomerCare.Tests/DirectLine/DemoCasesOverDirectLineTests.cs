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
        { "en-US", ["My flight was delayed, booking DEMO08", "Sommer", "Ben", "just me", "yes"], "Your reference is G-" },
        { "de-DE", ["Mein Flug hatte Verspätung, Buchung DEMO08", "Sommer", "Mia", "nur mich", "ja"], "Ihre Referenz ist G-" },
        { "en-US", ["My flight was delayed, booking DEMO08", "Sommer", "Anna", "Ben", "yes"], ", reference G-" },
        { "de-DE", ["Mein Flug hatte Verspätung, Buchung DEMO08", "Sommer", "Anna", "Ben", "ja"], ", Referenz G-" },
        { "en-US", ["My flight was delayed, booking DEMO08", "Sommer", "Anna", "me", "yes", "My flight was delayed, booking DEMO08", "Sommer", "Ben", "Anna"], "Anna Sommer: already granted" },
        { "de-DE", ["Mein Flug hatte Verspätung, Buchung DEMO08", "Sommer", "Anna", "nur mich", "ja", "Mein Flug hatte Verspätung, Buchung DEMO08", "Sommer", "Anna", "nur mich"], "Eine Störung wird nur einmal entschädigt." },
        { "en-US", ["I have a problem with my flight", "DEMO01", "it landed about four hours late", "Sample"], "Shall I grant this to you now" },
        { "de-DE", ["Ich habe ein Problem mit meinem Flug", "DEMO01", "er kam etwa vier Stunden zu spät an", "Sample"], "Soll ich Ihnen das jetzt gewähren" },
        { "en-US", ["I missed my connection, booking DEMO09", "Umweg"], "rebooked onto CC406, and you reached JFK 4 h 50 min late" },
        { "de-DE", ["Ich habe meinen Anschlussflug verpasst, Buchung DEMO09", "Umweg"], "auf CC406 umgebucht und erreichten JFK 4 Std. 50 Min. verspätet" },
        { "en-US", ["I missed my connection, booking DEMO09", "Umweg", "yes"], "Granted: €600.00" },
        { "de-DE", ["Ich habe meinen Anschlussflug verpasst, Buchung DEMO09", "Umweg", "ja"], "Gewährt: 600,00 €" },
        { "en-US", ["My suitcase did not arrive, booking DEMO10", "Koffer", "MADCC10001"], "€150.00 for essentials while your bag was delayed (3 day(s))" },
        { "de-DE", ["Mein Koffer ist nicht angekommen, Buchung DEMO10", "Koffer", "MAD CC 10001", "ja"], "Gewährt: 150,00 €" },
        { "en-US", ["My bag is lost, booking DEMO11", "Verlust", "LISCC11002", "A grey suitcase: clothes for about 600 euros"], "up to 1519 SDR per passenger" },
        { "de-DE", ["Mein Koffer ist verloren, Buchung DEMO11", "Verlust", "LISCC11002", "Kleidung für etwa 600 Euro"], "bis zu 1519 SZR pro Fluggast" },
        { "en-US", ["My bag was damaged, booking DEMO12", "Schaden", "VIECC12003", "The handle is broken", "no", "no"], "within the 7 days the Montreal Convention allows" },
        { "de-DE", ["Mein Koffer wurde beschädigt, Buchung DEMO12", "Schaden", "VIECC12003", "Der Griff ist abgebrochen", "nein", "nein"], "innerhalb der 7 Tage, die das Montrealer Übereinkommen erlaubt" },
        { "en-US", ["I was downgraded from business to economy, booking DEMO13", "Platz", "yes"], "Granted: €240.00" },
        { "de-DE", ["Ich wurde von Business auf Economy herabgestuft, Buchung DEMO13", "Platz", "ja"], "Gewährt: 240,00 €" },
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
