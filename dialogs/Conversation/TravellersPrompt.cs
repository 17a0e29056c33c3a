using System.Globalization;
using System.Text.RegularExpressions;
using CustomerCare.Builder;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Localization;
using CustomerCare.Operations;
using CustomerCare.Remedies;
using CustomerCare.Schema;

namespace CustomerCare.Conversation;

/// <summary>
/// Asks who on the booking a claim is for and recognises everyone, the claimant ("me") or the travellers named, as
/// their passenger ids. The travellers travel with the question as its choices (everyone first, then each traveller
/// with their first and last name), so only travellers on the booking can be chosen.
/// </summary>
public sealed partial class TravellersPrompt(string id) : Prompt<List<string>>(id, validator: null)
{
    private const string Everyone = "*";

    /// <summary>More words than this in an answer are not read: a list of names is short.</summary>
    private const int MaxWords = 60;

    /// <summary>The choices for a booking's travellers; the claimant's also answer to "me".</summary>
    public static List<Choice> Choices(Booking booking, string claimantId, CultureInfo culture) =>
    [
        new(Everyone, BotText.Get(culture, nameof(Strings.ChoiceEveryone)), BotText.Words(culture, nameof(Strings.EveryoneWords))),
        .. booking.Passengers.Select(p => new Choice(p.PassengerId, p.FullName,
            [p.FirstName, p.LastName, .. p.PassengerId == claimantId ? BotText.Words(culture, nameof(Strings.SelfWords)) : []])),
    ];

    /// <summary>
    /// The passenger ids the answer names, in the booking's order; null when it names nobody, or excludes someone
    /// ("everyone except Ben", "not me"): an exclusion is asked again rather than guessed. Names said win over
    /// "everyone" words ("both Ben and Mia" is Ben and Mia).
    /// </summary>
    public static List<string>? Recognize(string? answer, IReadOnlyList<Choice> choices, CultureInfo culture)
    {
        var text = " " + string.Join(' ', Words().Matches((answer ?? string.Empty).ToLowerInvariant()).Take(MaxWords).Select(m => m.Value)) + " ";
        if (Says(text, BotText.Words(culture, nameof(Strings.ExclusionWords))))
        {
            return null;
        }
        var travellers = choices.Where(c => c.Value != Everyone && c.Synonyms is { Count: >= 2 }).ToList();
        var passengers = travellers.Select(c => new Passenger(c.Value, c.Synonyms![0], c.Synonyms[1], LoyaltyTier.Basic)).ToList();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var named = Travellers.Named(passengers, words).Select(p => p.PassengerId).ToHashSet(StringComparer.Ordinal);
        named.UnionWith(travellers.Where(c => Says(text, c.Synonyms!.Skip(2))).Select(c => c.Value));
        if (named.Count == 0 && choices.FirstOrDefault(c => c.Value == Everyone) is { } everyone && Says(text, [everyone.Title ?? string.Empty, .. everyone.Synonyms ?? []]))
        {
            return travellers.Select(c => c.Value).ToList();
        }
        return named.Count == 0 ? null : travellers.Where(c => named.Contains(c.Value)).Select(c => c.Value).ToList();
    }

    protected override Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
        => SendWithAnswersAsync(turnContext, options, isRetry, nameof(Strings.ChoiceRetry), cancellationToken);

    protected override Task<PromptRecognizerResult<List<string>>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
        => Task.FromResult(Recognize(turnContext.Activity.Text, options.Choices ?? [], turnContext.Culture()) is { } ids
            ? PromptRecognizerResult<List<string>>.Of(ids)
            : PromptRecognizerResult<List<string>>.Failed);

    private static bool Says(string text, IEnumerable<string> phrases)
        => phrases.Select(phrase => string.Join(' ', Words().Matches(phrase.ToLowerInvariant()).Select(m => m.Value)))
            .Any(phrase => phrase.Length > 0 && text.Contains(" " + phrase + " ", StringComparison.Ordinal));

    [GeneratedRegex(@"\p{L}+", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex Words();
}
