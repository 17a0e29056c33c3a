using System.Text.RegularExpressions;
using CustomerCare.Recognition;
using CustomerCare.Recognition.Entities;

namespace CustomerCare.Conversation;

/// <summary>
/// "My suitcase did not arrive", "Mein Koffer ist nicht angekommen": a bag that is late, lost or damaged is a
/// disruption to report, whatever intent the models give it (they take "did not arrive" for a status question).
/// </summary>
public static partial class BagReports
{
    public static RecognizerResult Reroute(RecognizerResult understood)
        => understood.First(EntityCategories.DisruptionKind) == DisruptionKindExtractor.Baggage
           && understood.TopIntent is Intents.CompensationStatus or Intents.None
           && understood.Text.Length <= 500 && Trouble().IsMatch(understood.Text)
            ? understood with { TopIntent = Intents.ReportDisruption, Score = 1.0 }
            : understood;

    [GeneratedRegex(@"\b(not\s+(arrive|arrived|come|there)|didn'?t\s+(arrive|come)|never\s+(arrived|came)|lost|missing|damaged|broken|torn|delayed|late|nicht\s+(angekommen|da|gekommen)|verloren|fehlt|vermisst|besch(ä|ae)digt|kaputt|versp(ä|ae)tet)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Trouble();
}
