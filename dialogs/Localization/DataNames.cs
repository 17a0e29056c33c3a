using System.Globalization;

namespace CustomerCare.Localization;

/// <summary>Codes from data said in the customer's language: a delay's cause ("TECHNICAL"), a remedy's kind, the channel a grant was made in ("directline").</summary>
public static class DataNames
{
    public static string Cause(string causeCode, CultureInfo culture)
        => BotText.Find(culture, "Cause." + causeCode.Trim().ToUpperInvariant()) ?? BotText.Get(culture, "Cause.Other");

    public static string Remedy(Remedies.RemedyKind kind, CultureInfo culture) => BotText.Get(culture, "RemedyKind." + kind);

    public static string Channel(string channelId, CultureInfo culture)
        => BotText.Find(culture, "Channel." + channelId.Trim().ToLowerInvariant()) ?? channelId;
}
