using System.Globalization;
using CustomerCare.Ledger;
using CustomerCare.Payouts;
using CustomerCare.Privacy;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Attack;

public sealed class AccountChangeAttackTests
{
    private const string Address = "alex.sample@example.com";

    // --- 1. IBAN typed with separators the bot accepts, but the transcript mask does not know -------------------------

    [Theory]
    [InlineData("DE89-3704-0044-0532-0130-00")]
    [InlineData("DE89.3704.0044.0532.0130.00")]
    [InlineData("my IBAN is DE89-3704-0044-0532-0130-00")]
    [InlineData("DE89  3704  0044  0532  0130  00")]
    [InlineData("GB29-NWBK-6016-1331-9268-19")]
    [InlineData("GB29.NWBK.6016.1331.9268.19")]
    [InlineData("FR14-2004-1010-0505-0001-3M02-606")]
    public void AnIbanTheBotTakes_IsMaskedInTheTranscript(string typed)
    {
        Assert.True(Iban.TryFind(typed, out var iban));
        // What TranscriptLog stores for the customer's message (the supervisors' transcript page and export show it):
        var stored = SensitiveDataMask.Apply(typed);
        Assert.Contains("[IBAN ", stored, StringComparison.Ordinal);
        var compact = string.Concat(stored.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
        var account = iban.Value[4..];
        for (var i = 0; i + 8 <= account.Length; i++)
        {
            Assert.DoesNotContain(account.Substring(i, 8), compact, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void HolderNamesWithXmlSpecialCharacters_StillMakeASchemaValidFile()
    {
        var now = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        var holders = new[] { "A <b>&amp;</b> \"x\" 'y'", "Zoë ]]> Łukasz", "Ω Müller-Lüdenscheidt ß", new string('A', 70), "Ab\u202Ecd" }
            .Select(h => Assert.IsType<string>(BankAccount.HolderName(h))).ToList();
        var payouts = holders.Select((h, i) => new PayoutState(new PayoutInstruction($"G-X{i}", "DEMO01-1", "Alex", "DEMO01", [new PayoutAmount(600.005m, "EUR")],
            PayoutMethod.BankTransfer, ["EU261 Art. 7(1)(c)", "<care & more>"], "2026.11", now) { Account = new BankAccount("DE89370400440532013000", h) }, PayoutStatus.Sent, 0, now) { Batch = "B" }).ToList();
        var xml = SepaCreditTransferFile.Write("B", new SepaDebtor("Air & <Co>", "DE02120300000000202051", null), payouts);
        Assert.Empty(CustomerCare.Tests.Payouts.PublishedSchemas.Errors(xml, CustomerCare.Tests.Payouts.PublishedSchemas.Pain001()));
    }

    // --- 2. a 4xx after a try whose answer was lost: finance may have the payout ------------------------------------

    [Fact]
    public void AfterALostAnswer_ALater4xx_DoesNotMakeThePayoutRedirectable()
    {
        var now = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        var instruction = new PayoutInstruction("G-ATTACK-1", "DEMO01-1", "Alex Sample", "DEMO01", [new PayoutAmount(600m, "EUR")],
            PayoutMethod.OriginalPaymentMethod, ["EU261 Art. 7(1)(c)"], "2026.11", now);
        var state = new PayoutState(instruction, PayoutStatus.Waiting, 0, now);
        // Try 1: finance took it, but the answer never came back (timeout): finance MAY have it.
        state = state.After(new DeliveryResult.TryAgain("no answer within 10 s"), now, PayoutRetryPolicy.Default);
        Assert.False(state.AccountChangeable);
        // Try 2, same key: finance says 409 (key already used / still in progress) or 422 – any non-retryable 4xx.
        state = state.After(new DeliveryResult.Refused("HTTP 409: refused by the webhook"), now.AddSeconds(5), PayoutRetryPolicy.Default);
        // Finance may well pay G-ATTACK-1; a new revision "G-ATTACK-1-1" to another account would be a second payment.
        Assert.False(state.AccountChangeable, "a payout finance may have (an earlier try's answer was lost) became redirectable after a later 4xx");
        Assert.IsType<AccountChange.NotChangeable>(state.ChangeAccount(new BankAccount("DE89370400440532013000", "Mallory"), now.AddMinutes(1)));
    }

    // --- 3. a SEPA file downloaded again after one of its transfers was rejected and sent elsewhere ---------------------

    [Fact]
    public async Task ASepaFile_DownloadsAgainByteForByte_AfterARejectedTransferOfItGoesToANewAccount()
    {
        using var conversation = new TestConversation();
        var grant = await CustomerCare.Tests.Dialogs.BankTransferTests.GrantAsync(conversation);
        var payouts = conversation.Payouts;
        var now = conversation.Clock.GetUtcNow().UtcDateTime;
        var debtor = new SepaDebtor("CustomerCare Airline", "DE02120300000000202051", null);

        Assert.IsType<AccountChange.Changed>(await payouts.ChangeAccountAsync(grant.Reference, new BankAccount("DE89370400440532013000", "Alex Sample"), now, CancellationToken.None));
        var handed = await payouts.HandOverAsync("CC20261123-FIRST", now.AddMinutes(1), 5000, t => SepaCreditTransferFile.Write("CC20261123-FIRST", debtor, t), CancellationToken.None);
        Assert.Single(handed);
        var first = (await payouts.SepaFileAsync("CC20261123-FIRST", CancellationToken.None))!.Content;

        // Finance: rejected. The customer gives another account (a new revision, under "<ref>-1").
        Assert.IsType<PayoutReportOutcome.Recorded>(await payouts.ReportAsync(grant.Reference, new FinanceReport(false, "account closed", null), now.AddDays(1), CancellationToken.None));
        Assert.IsType<AccountChange.Changed>(await payouts.ChangeAccountAsync(grant.Reference, new BankAccount("FR1420041010050500013M02606", "Alex Sample"), now.AddDays(2), CancellationToken.None));
        var next = await payouts.HandOverAsync("CC20261125-NEXT", now.AddDays(2), 5000, t => SepaCreditTransferFile.Write("CC20261125-NEXT", debtor, t), CancellationToken.None);

        // The first file, downloaded again from the sent list, is the file finance had; the new version is only in the next one.
        var second = (await payouts.SepaFileAsync("CC20261123-FIRST", CancellationToken.None))!.Content;
        Assert.Equal(first, second);
        Assert.DoesNotContain("FR1420041010050500013M02606", System.Text.Encoding.UTF8.GetString(second), StringComparison.Ordinal);
        Assert.Equal((grant.Reference + "-1", "CC20261125-NEXT"), (Assert.Single(next).DeliveryKey, next[0].Batch));
    }

    // --- 4. one-time codes: no bound per booking, only per conversation -------------------------------------------

    [Fact]
    public async Task CodesToOneBookingsAddress_AreBounded_NotJustPerConversation()
    {
        await using var smtp = SmtpStandIn.Start();
        using var conversation = new TestConversation(mailer: smtp.Mailer());
        await CustomerCare.Tests.Dialogs.BankTransferTests.GrantAsync(conversation);
        var guesses = 0;
        for (var c = 0; c < 4; c++)
        {
            var id = "attacker-" + c.ToString(CultureInfo.InvariantCulture);
            async Task<string> Say(string text)
            {
                await conversation.SendAsync(new CustomerCare.Schema.Activity
                {
                    Type = CustomerCare.Schema.ActivityTypes.Message, Text = text,
                    Conversation = new CustomerCare.Schema.ConversationAccount { Id = id },
                });
                var replies = new List<string>();
                while (conversation.PendingReplies > 0)
                {
                    replies.Add(conversation.NextReply().Text ?? string.Empty);
                }
                return string.Join("\n", replies);
            }
            for (var attempt = 0; attempt < 3; attempt++)
            {
                await Say("pay me by bank transfer");
                await Say("DEMO01");
                if (!(await Say("Sample")).Contains("a•••@example.com", StringComparison.Ordinal))
                {
                    break;
                }
                for (var t = 0; t < 3; t++)
                {
                    await Say(((guesses++ * 7919) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture));
                }
            }
        }
        for (var i = 0; i < 40 && smtp.Received.Count < 12; i++)
        {
            await Task.Delay(25);
        }
        // 4 conversations: 12 codes to the victim's mailbox and 36 guesses. With fresh Direct Line conversations (free,
        // anonymous), the 1-in-a-million code falls to guessing, and the victim's mailbox is flooded.
        Assert.True(smtp.Received.Count <= 3, $"{smtp.Received.Count} codes went to one booking's address and {guesses} guesses were allowed");
    }

    // --- 5. the voucher only when picked: a "no" to the voucher must not grant it -----------------------------------

    [Theory]
    [InlineData("I don't want the voucher, I want the money")]
    [InlineData("not the voucher please, cash")]
    [InlineData("I'd rather not take a voucher, pay me")]
    public async Task SayingNoToTheVoucher_DoesNotGrantIt(string answer)
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync("My flight CC218 was delayed, booking DEMO07");
        Assert.Contains("A voucher worth €520.00", await conversation.SayAsync("Vorbild"), StringComparison.Ordinal);
        await conversation.SayAsync(answer);
        var entries = await conversation.Ledger.ForBookingAsync("DEMO07", CancellationToken.None);
        Assert.DoesNotContain(entries.SelectMany(e => e.Remedies), r => r.AsVoucher);
    }
}
