using System.Globalization;
using CustomerCare.Localization;
using CustomerCare.Mail;

namespace CustomerCare.Payouts;

/// <summary>
/// The e-mail that tells a customer finance rejected their payout: the grant, the amount, finance's reason and what to
/// do next, in English and German (a rejection comes long after the conversation, whose language is not kept).
/// </summary>
public static class RejectionNotice
{
    public static CustomerMail For(string address, PayoutState payout)
    {
        var english = Locales.For(Locales.English);
        var german = Locales.For(Locales.German);
        var i = payout.Instruction;
        string Subject(CultureInfo culture) => BotText.Format(culture, nameof(Strings.RejectionMailSubject), i.Reference);
        string Body(CultureInfo culture) => BotText.Format(culture, nameof(Strings.RejectionMailBody),
            i.Reference, i.BookingReference, string.Join(" + ", i.Amounts.Select(a => Money.Format(a.Amount, a.Currency, culture))), payout.Reason ?? "—");
        return new CustomerMail(address, Subject(english) + " / " + Subject(german), Body(english) + "\n\n———\n\n" + Body(german));
    }
}
