using System.Globalization;
using System.Text.RegularExpressions;

namespace CustomerCare.Recognition.Entities;

/// <summary>The kind of disruption a message describes, from the words people use for it in English and German.</summary>
public sealed partial class DisruptionKindExtractor : IEntityExtractor
{
    public const string Delay = "delay";
    public const string Cancellation = "cancellation";
    public const string DeniedBoarding = "deniedBoarding";
    public const string MissedConnection = "missedConnection";
    public const string Baggage = "baggage";
    public const string Downgrade = "downgrade";

    private static readonly (string Kind, Regex Pattern)[] Kinds =
    [
        (DeniedBoarding, DeniedBoardingWords()),
        (MissedConnection, MissedConnectionWords()),
        (Cancellation, CancellationWords()),
        (Baggage, BaggageWords()),
        (Downgrade, DowngradeWords()),
        (Delay, DelayWords()),
    ];

    public IEnumerable<RecognizedEntity> Extract(string text, CultureInfo culture, DateOnly today)
    {
        foreach (var (kind, pattern) in Kinds)
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                yield return new RecognizedEntity(EntityCategories.DisruptionKind, match.Value, match.Index, match.Length, kind);
                yield break;
            }
        }
    }

    [GeneratedRegex(@"\b(denied\s+boarding|bumped|overbooked|over-booked|not\s+allowed\s+to\s+board|nichtbef(ö|oe)rderung|(ü|ue)berbucht|nicht\s+mitfliegen|nicht\s+an\s+bord)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 250)]
    private static partial Regex DeniedBoardingWords();

    [GeneratedRegex(@"\b(missed\s+(my\s+|the\s+)?connect\w*|connection\s+missed|anschluss\w*\s+verpasst|anschlussflug\s+verpasst|anschluss\s+nicht\s+erreicht|verpass\w*\s+(den\s+|meinen\s+)?anschluss\w*)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 250)]
    private static partial Regex MissedConnectionWords();

    [GeneratedRegex(@"\b(cancell?ed|cancell?ation|annull\w*|gestrichen|storniert|abgesagt|ausgefallen|f(ä|ae)llt\s+aus)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 250)]
    private static partial Regex CancellationWords();

    [GeneratedRegex(@"\b(bag|bags|baggage|luggage|lugage|suitcase|gep(ä|ae)ck\w*|koffer\w*|reisetasche)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 250)]
    private static partial Regex BaggageWords();

    [GeneratedRegex(@"\b(downgraded?|herabgestuft|downgegradet|schlechtere\s+klasse)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 250)]
    private static partial Regex DowngradeWords();

    [GeneratedRegex(@"\b(delay\w*|late|hours\s+late|versp(ä|ae)t\w*|sp(ä|ae)ter\s+an)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 250)]
    private static partial Regex DelayWords();
}
