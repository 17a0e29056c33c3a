using System.Globalization;
using CustomerCare.Ledger;
using CustomerCare.Localization;

namespace CustomerCare.Conversation;

/// <summary>Why a grant was refused, in the customer's language.</summary>
public static class RefusalTexts
{
    public static string For(GrantRefusal refusal, CultureInfo culture)
        => BotText.Find(culture, "Refusal." + refusal) ?? BotText.Get(culture, "Refusal.Other");
}
