using System.Globalization;
using System.Text.RegularExpressions;

namespace CustomerCare.Recognition;

/// <summary>
/// Spots strong negative sentiment in English and German (anger, contempt, threats to leave or to sue), so an
/// upset customer reaches a person instead of more questions. Lexicon-based and explainable: two or more strong
/// signals count, where shouting (mostly capitals) and repeated exclamation marks are signals too.
/// </summary>
public static partial class Sentiment
{
    public static bool IsStronglyNegative(string text) => Signals(text) >= 2;

    public static int Signals(string text)
    {
        var lower = text.ToLower(CultureInfo.InvariantCulture);
        var signals = StrongWords().Count(lower);
        var letters = text.Where(char.IsLetter).ToList();
        if (letters.Count >= 12 && letters.Count(char.IsUpper) > letters.Count * 0.7)
        {
            signals++;
        }
        if (text.Contains("!!", StringComparison.Ordinal))
        {
            signals++;
        }
        return signals;
    }

    [GeneratedRegex(@"\b(furious|outraged|disgust\w*|unacceptable|ridiculous|scam\w*|rip-?off|worst|terrible|horrible|useless|incompetent|pathetic|shameful|disgrace\w*|never again|lawyer|sue you|fed up|sick of|wütend|wuetend|sauer|unverschämt|unverschaemt|frechheit|betrug|betrüger|betrueger|abzocke|inakzeptabel|unzumutbar|katastroph\w*|skandal\w*|unfähig|unfaehig|lächerlich|laecherlich|nie wieder|anwalt|verklagen|die schnauze voll|reicht mir)\b", RegexOptions.None, matchTimeoutMilliseconds: 250)]
    private static partial Regex StrongWords();
}
