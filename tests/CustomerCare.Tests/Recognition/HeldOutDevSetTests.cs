using System.Globalization;
using CustomerCare.Recognition;
using CustomerCare.Recognition.Offline;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Recognition;

/// <summary>The quality bar of the offline model on data it was never trained on (dialogs/Recognition/Utterances/*dev.tsv).</summary>
public sealed class HeldOutDevSetTests
{
    private static string DevFile(string name) => Repository.PathOf("dialogs", "Recognition", "Utterances", name);

    [Fact]
    public void IntentAccuracy_IsAtLeast95Percent()
    {
        using var reader = new StreamReader(DevFile("dev.tsv"));
        var dev = UtteranceFile.Read(reader);
        var recognizer = Language.Recognizer(TimeProvider.System);

        var evaluation = new IntentEvaluation(dev.Select(u => (u.Intent, recognizer.Classify(u.Text, u.Language,
            Language.Entities.Extract(u.Text, CultureInfo.GetCultureInfo(u.Language == "de" ? "de-DE" : "en-US"), DateOnly.FromDateTime(DateTime.UtcNow))).TopIntent)));

        Assert.True(dev.Count >= 150);
        Assert.True(evaluation.Accuracy >= 0.95, evaluation.Report());
    }

    [Theory]
    [InlineData(EntityCategories.BookingReference)]
    [InlineData(EntityCategories.FlightNumber)]
    public void EntityExtraction_IsAtLeast97Percent(string category)
    {
        using var reader = new StreamReader(DevFile("entities.dev.tsv"));
        var examples = EntityExample.Read(reader);

        var correct = examples.Count(e => Language.Entities.Extract(e.Text, CultureInfo.GetCultureInfo(e.Language == "de" ? "de-DE" : "en-US"), new DateOnly(2026, 11, 23))
            .FirstOrDefault(x => x.Category == category)?.Resolution == e.Expected(category));

        Assert.True(correct >= 0.97 * examples.Count, $"{correct}/{examples.Count}");
    }
}
