using System.Globalization;
using CustomerCare.Airports;
using CustomerCare.Recognition;
using CustomerCare.Recognition.Entities;

namespace CustomerCare.Tests.Recognition;

/// <summary>Entity tables in English and German; "today" is Monday 2026-11-23.</summary>
public sealed class EntityExtractionTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly EntityExtractor Extractor = EntityExtractor.Default(AirportDirectory.Embedded);

    private static string? Resolve(string text, string category, string locale = "en-US")
        => Extractor.Extract(text, CultureInfo.GetCultureInfo(locale), Today).FirstOrDefault(e => e.Category == category)?.Resolution;

    [Theory]
    [InlineData("bumped off LH400 yesterday!!", "LH400")]
    [InlineData("flight LH 400 was late", "LH400")]
    [InlineData("BA0117 to New York", "BA117")]
    [InlineData("ba 117", "BA117")]
    [InlineData("mein Flug EW 9462 hatte Verspätung", "EW9462")]
    [InlineData("FR1234 from Palma", "FR1234")]
    [InlineData("U2 8012 cancelled", "U28012")]
    [InlineData("Flug 4U 730", "4U730")]
    [InlineData("I waited 5 hours at gate 12", null)]
    [InlineData("am 14. März", null)]
    [InlineData("on Mar 14", null)]
    public void FlightNumber(string text, string? expected) => Assert.Equal(expected, Resolve(text, EntityCategories.FlightNumber));

    [Theory]
    [InlineData("Koffer nicht angekommen, K7QX2M", "K7QX2M")]
    [InlineData("my booking reference is zx4r9t", "ZX4R9T")]
    [InlineData("Buchungscode ABCDEF bitte prüfen", "ABCDEF")]
    [InlineData("please help, thanks", null)]
    [InlineData("flight LH4000 was late", null)]
    [InlineData("I travel abroad", null)]
    public void BookingReference(string text, string? expected) => Assert.Equal(expected, Resolve(text, EntityCategories.BookingReference));

    [Theory]
    [InlineData("yesterday", "en-US", "2026-11-22")]
    [InlineData("the day before yesterday", "en-US", "2026-11-21")]
    [InlineData("on the 14th", "en-US", "2026-11-14")]
    [InlineData("on the 28th", "en-US", "2026-10-28")]
    [InlineData("last Friday", "en-US", "2026-11-20")]
    [InlineData("on Monday", "en-US", "2026-11-23")]
    [InlineData("last Monday", "en-US", "2026-11-16")]
    [InlineData("March 14", "en-US", "2026-03-14")]
    [InlineData("14 December", "en-GB", "2025-12-14")]
    [InlineData("2026-03-14", "en-US", "2026-03-14")]
    [InlineData("03/14/2026", "en-US", "2026-03-14")]
    [InlineData("14/03/2026", "en-GB", "2026-03-14")]
    [InlineData("gestern", "de-DE", "2026-11-22")]
    [InlineData("vorgestern", "de-DE", "2026-11-21")]
    [InlineData("am Montag", "de-DE", "2026-11-23")]
    [InlineData("letzten Samstag", "de-DE", "2026-11-21")]
    [InlineData("am 14.03.", "de-DE", "2026-03-14")]
    [InlineData("am 14.", "de-DE", "2026-11-14")]
    [InlineData("14. März 2026", "de-DE", "2026-03-14")]
    [InlineData("am 31.02.", "de-DE", null)]
    [InlineData("no date here", "en-US", null)]
    public void Date(string text, string locale, string? expected) => Assert.Equal(expected, Resolve(text, EntityCategories.Date, locale));

    [Theory]
    [InlineData("from FRA to JFK", "FRA")]
    [InlineData("stuck in Heathrow", "LHR")]
    [InlineData("Flug von München", "MUC")]
    [InlineData("Flug von Muenchen nach Palma", "MUC")]
    [InlineData("the fra code in lowercase is not taken", null)]
    public void Airport(string text, string? expected) => Assert.Equal(expected, Resolve(text, EntityCategories.Airport));

    [Theory]
    [InlineData("I paid 120 EUR for a hotel", "120.00 EUR")]
    [InlineData("it cost €89,50", "89.50 EUR")]
    [InlineData("the cap is $1,075", "1075.00 USD")]
    [InlineData("45 Pfund für das Taxi", "45.00 GBP")]
    [InlineData("3 hours late", null)]
    public void Amount(string text, string? expected) => Assert.Equal(expected, Resolve(text, EntityCategories.Amount));

    [Theory]
    [InlineData("bumped off LH400", "deniedBoarding")]
    [InlineData("my flight was cancelled", "cancellation")]
    [InlineData("Flug wurde annulliert", "cancellation")]
    [InlineData("missed my connection in Frankfurt", "missedConnection")]
    [InlineData("Koffer nicht angekommen", "baggage")]
    [InlineData("3 Stunden Verspaetung", "delay")]
    [InlineData("downgraded to economy", "downgrade")]
    public void DisruptionKind(string text, string expected) => Assert.Equal(expected, Resolve(text, EntityCategories.DisruptionKind));

    [Fact]
    public void Entities_CarryOffsetAndLengthOfTheirText()
    {
        var text = "Koffer nicht angekommen, K7QX2M";
        var entity = Extractor.Extract(text, CultureInfo.GetCultureInfo("de-DE"), Today).Single(e => e.Category == EntityCategories.BookingReference);

        Assert.Equal("K7QX2M", text.Substring(entity.Offset, entity.Length));
    }
}
