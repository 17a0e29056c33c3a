using System.Globalization;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Localization;
using CustomerCare.Recognition;

namespace CustomerCare.Conversation;

/// <summary>The kinds of disruption a customer can report, with their labels and the words people use for them.</summary>
public static class DisruptionKinds
{
    public const string Delay = "delay";
    public const string Cancellation = "cancellation";
    public const string DeniedBoarding = "deniedBoarding";
    public const string MissedConnection = "missedConnection";
    public const string Baggage = "baggage";

    /// <summary>Recognised in what the customer says, not offered as a choice: a person assesses downgrades.</summary>
    public const string Downgrade = "downgrade";

    private static readonly (string Kind, string LabelKey, string[] Synonyms)[] Kinds =
    [
        (Delay, nameof(Strings.KindDelay), ["delay", "delayed", "late", "verspätung", "verspätet", "spät"]),
        (Cancellation, nameof(Strings.KindCancellation), ["cancellation", "cancelled", "canceled", "annullierung", "annulliert", "gestrichen"]),
        (DeniedBoarding, nameof(Strings.KindDeniedBoarding), ["denied boarding", "bumped", "overbooked", "nichtbeförderung", "überbucht"]),
        (MissedConnection, nameof(Strings.KindMissedConnection), ["missed connection", "connection", "anschluss", "anschlussflug"]),
        (Baggage, nameof(Strings.KindBaggage), ["baggage", "luggage", "bag", "suitcase", "gepäck", "koffer"]),
    ];

    public static List<Choice> Choices(CultureInfo culture)
        => Kinds.Select(k => new Choice(k.Kind, BotText.Get(culture, k.LabelKey), k.Synonyms)).ToList();

    /// <summary>A report with what the customer's first message already says, so the bot does not ask for it again.</summary>
    public static DisruptionReport PrefilledReport(RecognizerResult understood) => new()
    {
        Kind = understood.First(EntityCategories.DisruptionKind) is { } kind && (kind == Downgrade || Kinds.Any(k => k.Kind == kind)) ? kind : null,
        BookingReference = understood.First(EntityCategories.BookingReference),
        FlightNumber = understood.First(EntityCategories.FlightNumber),
        TravelDate = understood.First(EntityCategories.Date),
    };

    /// <summary>The domain's kind for a reported one (a delay when nothing more specific was said).</summary>
    public static Remedies.DisruptionKind ToDomain(string? kind) => kind switch
    {
        Cancellation => Remedies.DisruptionKind.Cancellation,
        DeniedBoarding => Remedies.DisruptionKind.DeniedBoarding,
        MissedConnection => Remedies.DisruptionKind.MissedConnection,
        Baggage => Remedies.DisruptionKind.Baggage,
        Downgrade => Remedies.DisruptionKind.Downgrade,
        _ => Remedies.DisruptionKind.Delay,
    };

    public static string Label(string kind, CultureInfo culture)
        => Kinds.FirstOrDefault(k => k.Kind == kind) is { LabelKey: not null } found ? BotText.Get(culture, found.LabelKey) : kind;
}
