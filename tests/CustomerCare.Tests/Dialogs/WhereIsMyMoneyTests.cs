using CustomerCare.Ledger;
using CustomerCare.Payouts;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Dialogs;

/// <summary>"Where is my money?" at each state of the grant's payout, in English and German: the answer follows the payout.</summary>
public sealed class WhereIsMyMoneyTests
{
    public static TheoryData<string, string, string, string[]> Languages => new()
    {
        {
            "en-US", "where is my money? booking DEMO01", "Sample",
            [
                "payment: being prepared, expected by 11/30/2026",
                "payment: instructed to our finance team on 11/24/2026, expected by 11/30/2026",
                "payment: paid on 11/26/2026",
                "payment: not made — our finance team could not pay it (account closed). Say \"bank transfer\"",
                "payment: held up on our side; our team has been alerted",
            ]
        },
        {
            "de-DE", "wurde ich schon bezahlt? Buchung DEMO01", "Sample",
            [
                "Zahlung: in Vorbereitung, erwartet bis 30.11.2026",
                "Zahlung: am 24.11.2026 an unsere Finanzabteilung angewiesen, erwartet bis 30.11.2026",
                "Zahlung: am 26.11.2026 ausgezahlt",
                "Zahlung: nicht erfolgt – unsere Finanzabteilung konnte sie nicht ausführen (account closed). Sagen Sie „Überweisung“",
                "Zahlung: bei uns aufgehalten; unser Team ist informiert",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TheStatusQuestion_SaysWhereTheMoneyIs_AtEveryPayoutState(string locale, string question, string lastName, string[] answers)
    {
        using var conversation = new TestConversation(locale);
        var booking = (await conversation.Operations.FindBookingAsync("DEMO01", CancellationToken.None))!;
        var passenger = booking.Passengers[0];
        var paid = await GrantAsync(conversation, booking.RecordLocator, passenger, "CC400");
        var retries = PayoutRetryPolicy.Default with { MaxAttempts = 1 };

        async Task AssertAnswerAsync(string expected)
        {
            await TestFlow.For(conversation)
                .Send(question).AssertReplyContains(locale == "en-US" ? "last name" : "Nachname")
                .Send(lastName).AssertReplyContains(expected)
                .RunAsync();
            while (conversation.PendingReplies > 0)
            {
                conversation.NextReply();
            }
        }

        await AssertAnswerAsync(answers[0]);
        conversation.Clock.Advance(TimeSpan.FromDays(1));
        await conversation.Payouts.RecordDeliveryAsync(paid.Reference, new DeliveryResult.Delivered(), conversation.Clock.GetUtcNow().UtcDateTime, retries, CancellationToken.None);
        await AssertAnswerAsync(answers[1]);
        await conversation.Payouts.ReportAsync(paid.Reference, new FinanceReport(true, null, new DateOnly(2026, 11, 26)), conversation.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        await AssertAnswerAsync(answers[2]);

        // The same passenger's grant for another journey, rejected by finance; and a third whose delivery failed.
        var rejected = await GrantAsync(conversation, booking.RecordLocator, passenger, "CC401", DisruptionKind.Cancellation, "MUC", "LHR");
        await conversation.Payouts.ReportAsync(rejected.Reference, new FinanceReport(false, "account closed", null), conversation.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        await AssertAnswerAsync(answers[3]);
        var failed = await GrantAsync(conversation, booking.RecordLocator, passenger, "CC402", DisruptionKind.DeniedBoarding, "CDG", "MAD");
        await conversation.Payouts.RecordDeliveryAsync(failed.Reference, new DeliveryResult.Refused("HTTP 422"), conversation.Clock.GetUtcNow().UtcDateTime, retries, CancellationToken.None);
        await AssertAnswerAsync(answers[4]);
    }

    private static async Task<LedgerEntry> GrantAsync(TestConversation conversation, string booking, CustomerCare.Operations.Passenger passenger, string flight,
        DisruptionKind kind = DisruptionKind.Delay, string from = "FRA", string to = "JFK")
    {
        var who = LedgerRequests.Passenger(booking, passenger.PassengerId, passenger.FirstName, passenger.LastName, flights: LedgerRequests.Flight(flight, from, to));
        var request = LedgerRequests.Request(who, LedgerRequests.Bot("test"), kind: kind);
        return Assert.IsType<GrantOutcome.Granted>(await conversation.Ledger.TryGrantAsync(request, CancellationToken.None)).Entry;
    }
}
