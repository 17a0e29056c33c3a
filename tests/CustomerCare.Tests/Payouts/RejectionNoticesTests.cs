using CustomerCare.Bot.Payouts;
using CustomerCare.Payouts;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerCare.Tests.Payouts;

/// <summary>A rejected payout's customer is told once, against a real SMTP server on loopback, and not lost while the server refuses.</summary>
public sealed class RejectionNoticesTests
{
    [Fact]
    public async Task WhileTheMailServerRefuses_TheRejectionStaysToBeTold_ThenItIsToldOnce()
    {
        await using var smtp = SmtpStandIn.Start();
        using var conversation = new TestConversation();
        var grant = await CustomerCare.Tests.Dialogs.BankTransferTests.GrantAsync(conversation);
        await conversation.Payouts.ReportAsync(grant.Reference, new FinanceReport(false, "card account closed", null), conversation.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        var notices = new RejectionNotices(conversation.Payouts, conversation.Operations, smtp.Mailer(), Options.Create(new PayoutOptions()), conversation.Clock, NullLogger<RejectionNotices>.Instance);

        smtp.Refusing = true;
        Assert.Equal(0, await notices.TellAsync(CancellationToken.None));
        Assert.True((await conversation.Payouts.FindAsync(grant.Reference, CancellationToken.None))!.CustomerToBeTold);

        smtp.Refusing = false;
        Assert.Equal(1, await notices.TellAsync(CancellationToken.None));
        Assert.Equal(0, await notices.TellAsync(CancellationToken.None));

        var mail = Assert.Single(smtp.Received);
        Assert.Equal("alex.sample@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Contains("card account closed", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Überweisung", mail.TextBody, StringComparison.Ordinal);
        var told = (await conversation.Payouts.FindAsync(grant.Reference, CancellationToken.None))!;
        Assert.Equal((false, true), (told.CustomerToBeTold, told.CustomerReached));
    }
}
