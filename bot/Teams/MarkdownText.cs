using System.Text;

namespace CustomerCare.Bot.Teams;

/// <summary>
/// Text a customer chose (a file name, a case summary) as Adaptive Card TextBlocks and facts show it: the characters
/// Markdown builds links and emphasis from are replaced by look-alikes that mean nothing to it, so the text cannot add
/// a link of its own ("[Approve](javascript:…)" reads as "⟦Approve⟧(javascript:…)", a link no more).
/// </summary>
public static class MarkdownText
{
    public static string Neutral(string text)
    {
        var neutral = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            neutral.Append(c switch
            {
                '[' => '⟦',
                ']' => '⟧',
                '<' => '‹',
                '>' => '›',
                '*' => '∗',
                '_' => '＿',
                '`' => 'ʹ',
                '\\' => '∖',
                _ when char.IsControl(c) => ' ',
                _ => c,
            });
        }
        return neutral.ToString();
    }
}
