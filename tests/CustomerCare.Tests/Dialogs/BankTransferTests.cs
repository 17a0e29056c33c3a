using CustomerCare.Ledger;
using CustomerCare.Payouts;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Dialogs;

/// <summary>
/// "Pay me by bank transfer", in English and German, against a real SMTP server on loopback: the code reaches the
/// booking's e-mail address, and only the right code, in time, changes where the money goes.
/// </summary>
public sealed class BankTransferTests
{
    private const string Iban = "DE89 3704 0044 0532 0130 00";
    private const string Address = "alex.sample@example.com";

    public sealed record Phrases(string Locale, string Ask, string AskReference, string AskLastName, string CodeSent, string AskIban, string IbanRetry, string AskHolder,
        string Confirm, string Yes, string Changed, string Wrong2, string Wrong1, string NoTriesLeft, string Expired, string MailSubject);

    public static TheoryData<Phrases> Languages => new()
    {
        new Phrases("en-US", "can you pay me by bank transfer instead?", "booking reference", "last name", "sent a 6-digit code to a•••@example.com",
            "Which IBAN", "isn't a valid IBAN", "account holder", "by bank transfer to DE89 •••• 3000, account holder Alex Sample?", "yes",
            "will be paid by bank transfer to DE89 •••• 3000 (Alex Sample)", "Tries left: 2", "Tries left: 1", "third wrong code", "has expired",
            "Your CustomerCare verification code"),
        new Phrases("de-DE", "Bitte per Überweisung auszahlen", "Buchungscode", "Nachname", "Code an a•••@example.com geschickt",
            "Auf welche IBAN", "keine gültige IBAN", "Kontoinhabers", "per Überweisung an DE89 •••• 3000 zahlen, Kontoinhaber Alex Sample?", "ja",
            "wird per Überweisung an DE89 •••• 3000 (Alex Sample) gezahlt", "Verbleibende Versuche: 2", "Verbleibende Versuche: 1", "dritte falsche Code", "abgelaufen",
            "Ihr CustomerCare-Bestätigungscode"),
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TheRightCode_ThenAValidIban_MovesThePayoutToThatAccount(Phrases say)
    {
        await using var smtp = SmtpStandIn.Start();
        using var conversation = new TestConversation(say.Locale, mailer: smtp.Mailer());
        var grant = await GrantAsync(conversation);

        await IdentifyAsync(conversation, say);
        var code = await smtp.CodeSentToAsync(Address);
        Assert.Equal(say.MailSubject, smtp.Received.Single().Subject);
        Assert.Contains(say.AskIban, await conversation.SayAsync(code), StringComparison.Ordinal);
        Assert.Contains(say.IbanRetry, await conversation.SayAsync("DE89 3704 0044 0532 0130 01"), StringComparison.Ordinal);
        Assert.Contains(say.AskHolder, await conversation.SayAsync(Iban), StringComparison.Ordinal);
        Assert.Contains(say.Confirm, await conversation.SayAsync("Alex Sample"), StringComparison.Ordinal);
        Assert.Contains(say.Changed, await conversation.SayAsync(say.Yes), StringComparison.Ordinal);

        var payout = (await conversation.Payouts.FindAsync(grant.Reference, CancellationToken.None))!;
        Assert.Equal((PayoutMethod.BankTransfer, "DE89370400440532013000", "Alex Sample", PayoutStatus.Waiting, grant.Reference),
            (payout.Instruction.Method, payout.Instruction.Account?.Iban, payout.Instruction.Account?.Holder, payout.Status, payout.DeliveryKey));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task ThreeWrongCodes_EndIt_AndNothingChanges(Phrases say)
    {
        await using var smtp = SmtpStandIn.Start();
        using var conversation = new TestConversation(say.Locale, mailer: smtp.Mailer());
        var grant = await GrantAsync(conversation);

        await IdentifyAsync(conversation, say);
        var wrong = (int.Parse(await smtp.CodeSentToAsync(Address), System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000;
        var typed = wrong.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(say.Wrong2, await conversation.SayAsync(typed), StringComparison.Ordinal);
        Assert.Contains(say.Wrong1, await conversation.SayAsync(typed), StringComparison.Ordinal);
        Assert.Contains(say.NoTriesLeft, await conversation.SayAsync(typed), StringComparison.Ordinal);
        // The IBAN typed now is no answer to anything: the flow is over.
        Assert.DoesNotContain(say.AskHolder, await conversation.SayAsync(Iban), StringComparison.Ordinal);

        var payout = (await conversation.Payouts.FindAsync(grant.Reference, CancellationToken.None))!;
        Assert.Equal((PayoutMethod.OriginalPaymentMethod, (BankAccount?)null), (payout.Instruction.Method, payout.Instruction.Account));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TheRightCode_AfterItExpired_ChangesNothing(Phrases say)
    {
        await using var smtp = SmtpStandIn.Start();
        using var conversation = new TestConversation(say.Locale, mailer: smtp.Mailer());
        var grant = await GrantAsync(conversation);

        await IdentifyAsync(conversation, say);
        var code = await smtp.CodeSentToAsync(Address);
        conversation.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Contains(say.Expired, await conversation.SayAsync(code), StringComparison.Ordinal);

        Assert.Null((await conversation.Payouts.FindAsync(grant.Reference, CancellationToken.None))!.Instruction.Account);
    }

    private static async Task IdentifyAsync(TestConversation conversation, Phrases say)
    {
        Assert.Contains(say.AskReference, await conversation.SayAsync(say.Ask), StringComparison.Ordinal);
        Assert.Contains(say.AskLastName, await conversation.SayAsync("DEMO01"), StringComparison.Ordinal);
        Assert.Contains(say.CodeSent, await conversation.SayAsync("Sample"), StringComparison.Ordinal);
    }

    internal static async Task<LedgerEntry> GrantAsync(TestConversation conversation)
    {
        var booking = (await conversation.Operations.FindBookingAsync("DEMO01", CancellationToken.None))!;
        var passenger = booking.Passengers[0];
        var who = LedgerRequests.Passenger(booking.RecordLocator, passenger.PassengerId, passenger.FirstName, passenger.LastName, flights: LedgerRequests.Flight("CC400", "FRA", "JFK"));
        return Assert.IsType<GrantOutcome.Granted>(await conversation.Ledger.TryGrantAsync(LedgerRequests.Request(who, LedgerRequests.Bot("test")), CancellationToken.None)).Entry;
    }
}
