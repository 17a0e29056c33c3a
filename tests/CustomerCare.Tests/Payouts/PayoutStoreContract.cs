using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Ledger;
using CustomerCare.Payouts;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CustomerCare.Tests.Payouts;

/// <summary>
/// What every payout outbox promises, against LiteDB and PostgreSQL: a grant with cash comes with its instruction,
/// written by the grant itself; a due instruction is taken by one deliverer at a time; deliveries and finance's
/// reports move it on as the domain says, and a settled payout stays settled.
/// </summary>
public abstract class PayoutStoreContract : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));

    protected ICompensationLedger Ledger { get; set; } = null!;

    protected IPayoutStore Payouts { get; set; } = null!;

    /// <summary>A second outbox on the same store, as another instance has it.</summary>
    protected abstract IPayoutStore AnotherInstance();

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    private static readonly PayoutRetryPolicy Retries = new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5), 3, () => 1.0);

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    private async Task<LedgerEntry> GrantAsync(string passenger, GrantedRemedy? remedy = null, bool voucher = false)
    {
        var who = LedgerRequests.Passenger(booking: "PAY" + passenger, passengerId: passenger, last: "Payee" + new string(passenger.Select(c => (char)('a' + (c % 26))).ToArray()), flights: LedgerRequests.Flight("CC" + passenger.Length + "00"));
        var outcome = await Ledger.TryGrantAsync(LedgerRequests.Request(who, LedgerRequests.Bot(), remedy: remedy, voucherConsent: voucher), CancellationToken.None);
        return Assert.IsType<GrantOutcome.Granted>(outcome).Entry;
    }

    [Fact]
    public async Task AGrantWithCash_ComesWithItsInstruction_AndAGrantOfVouchersOnly_HasNone()
    {
        var cash = await GrantAsync("P1");
        var vouchers = await GrantAsync("P2", new GrantedRemedy("EU261-LONG", RemedyKind.Compensation, 600m, "EUR", "EU261 Art. 7(1)(c)", AsVoucher: true, VoucherValue: 780m), voucher: true);

        var payout = await Payouts.FindAsync(cash.Reference, CancellationToken.None);
        Assert.NotNull(payout);
        Assert.Equal((PayoutStatus.Waiting, 0), (payout.Status, payout.Attempts));
        Assert.Equal(cash.Reference, payout.Instruction.Reference);
        Assert.Equal([new PayoutAmount(cash.Remedies.Sum(r => r.Amount), "EUR")], payout.Instruction.Amounts);
        Assert.Equal((cash.Subject.BookingReference, cash.Subject.PassengerId, cash.PolicyVersion), (payout.Instruction.BookingReference, payout.Instruction.PassengerId, payout.Instruction.PolicyVersion));
        Assert.Null(await Payouts.FindAsync(vouchers.Reference, CancellationToken.None));
    }

    [Fact]
    public async Task ADueInstruction_IsTakenByOneDelivererAtATime_UntilItsLeaseRunsOut()
    {
        var entry = await GrantAsync("P3");
        var other = AnotherInstance();

        var takes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? Payouts : other).TakeDueAsync(Now, TimeSpan.FromMinutes(1), 10, CancellationToken.None)));

        Assert.Equal(entry.Reference, Assert.Single(takes.SelectMany(t => t)).Reference);
        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(entry.Reference, Assert.Single(await other.TakeDueAsync(Now, TimeSpan.FromMinutes(1), 10, CancellationToken.None)).Reference);
    }

    [Fact]
    public async Task FailedTries_WaitTheirTurn_ThenStopAsFailed_AndARetryStartsAgain_UnderTheSameReference()
    {
        var entry = await GrantAsync("P4");
        Assert.Single(await Payouts.TakeDueAsync(Now, TimeSpan.FromMinutes(1), 10, CancellationToken.None));

        var first = await Payouts.RecordDeliveryAsync(entry.Reference, new DeliveryResult.TryAgain("HTTP 503"), Now, Retries, CancellationToken.None);
        Assert.Equal((PayoutStatus.Waiting, 1, Now.AddSeconds(10), "HTTP 503"), (first!.Status, first.Attempts, first.NextAttemptUtc, first.LastError));
        Assert.Empty(await Payouts.TakeDueAsync(Now.AddSeconds(9), TimeSpan.FromMinutes(1), 10, CancellationToken.None));
        Assert.Single(await Payouts.TakeDueAsync(Now.AddSeconds(10), TimeSpan.FromMinutes(1), 10, CancellationToken.None));

        var second = await Payouts.RecordDeliveryAsync(entry.Reference, new DeliveryResult.TryAgain("HTTP 429", TimeSpan.FromSeconds(42)), Now, Retries, CancellationToken.None);
        Assert.Equal(Now.AddSeconds(42), second!.NextAttemptUtc);
        var third = await Payouts.RecordDeliveryAsync(entry.Reference, new DeliveryResult.TryAgain("no answer within 10 s"), Now, Retries, CancellationToken.None);
        Assert.Equal((PayoutStatus.Failed, 3), (third!.Status, third.Attempts));
        Assert.Empty(await Payouts.TakeDueAsync(Now.AddDays(1), TimeSpan.FromMinutes(1), 10, CancellationToken.None));
        Assert.Equal([entry.Reference], (await Payouts.ListAsync([PayoutStatus.Failed], 10, CancellationToken.None)).Select(p => p.Reference));

        var retried = await Payouts.RetryAsync(entry.Reference, Now, CancellationToken.None);
        Assert.Equal((PayoutStatus.Waiting, 0), (retried!.Status, retried.Attempts));
        Assert.Equal(entry.Reference, Assert.Single(await Payouts.TakeDueAsync(Now, TimeSpan.FromMinutes(1), 10, CancellationToken.None)).Instruction.Reference);
        var refused = await Payouts.RecordDeliveryAsync(entry.Reference, new DeliveryResult.Refused("HTTP 422: refused by the webhook"), Now, Retries, CancellationToken.None);
        Assert.Equal(PayoutStatus.Failed, refused!.Status);
    }

    [Fact]
    public async Task FinancesFirstReport_Stands_TheSameAgainChangesNothing_AndADeliveryAfterItIsIgnored()
    {
        var paid = await GrantAsync("P5");
        var rejected = await GrantAsync("P6");
        await Payouts.RecordDeliveryAsync(paid.Reference, new DeliveryResult.Delivered(), Now, Retries, CancellationToken.None);

        var report = await Payouts.ReportAsync(paid.Reference, new FinanceReport(true, null, new DateOnly(2026, 11, 25)), Now, CancellationToken.None);
        Assert.Equal((PayoutStatus.Paid, new DateOnly(2026, 11, 25)), Assert.IsType<PayoutReportOutcome.Recorded>(report).State is var s ? (s.Status, s.PaidOn) : default);
        Assert.IsType<PayoutReportOutcome.AlreadyRecorded>(await Payouts.ReportAsync(paid.Reference, new FinanceReport(true, null, new DateOnly(2026, 11, 25)), Now, CancellationToken.None));
        Assert.IsType<PayoutReportOutcome.Conflict>(await Payouts.ReportAsync(paid.Reference, new FinanceReport(false, "account closed", null), Now, CancellationToken.None));

        // Finance reported before the delivery's acknowledgement was recorded: the report counts, the late delivery does not undo it.
        Assert.IsType<PayoutReportOutcome.Recorded>(await Payouts.ReportAsync(rejected.Reference, new FinanceReport(false, "account closed", null), Now, CancellationToken.None));
        var late = await Payouts.RecordDeliveryAsync(rejected.Reference, new DeliveryResult.Delivered(), Now, Retries, CancellationToken.None);
        Assert.Equal((PayoutStatus.Rejected, "account closed"), (late!.Status, late.Reason));
        Assert.IsType<PayoutReportOutcome.Unknown>(await Payouts.ReportAsync("CC-NOSUCH", new FinanceReport(true, null, null), Now, CancellationToken.None));
        Assert.Equal([rejected.Reference], (await Payouts.ListAsync([PayoutStatus.Rejected], 10, CancellationToken.None)).Select(p => p.Reference));
        Assert.Equal(PayoutStatus.Paid, (await AnotherInstance().FindAsync(paid.Reference, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task AnAccount_ChangesWhileFinanceHasNotGotIt_NotWhileItIsDelivered_AndAfterARejectionAsANewVersion()
    {
        var account = new BankAccount("DE89370400440532013000", "Alex Sample");
        var fresh = await GrantAsync("P7");
        var changed = Assert.IsType<AccountChange.Changed>(await Payouts.ChangeAccountAsync(fresh.Reference, account, Now, CancellationToken.None)).State;
        Assert.Equal((PayoutMethod.BankTransfer, 0, fresh.Reference), (changed.Instruction.Method, changed.Revision, changed.DeliveryKey));
        Assert.Equal(account, (await AnotherInstance().FindAsync(fresh.Reference, CancellationToken.None))!.Instruction.Account);

        var delivered = await GrantAsync("P8");
        Assert.NotEmpty(await AnotherInstance().TakeDueAsync(Now, TimeSpan.FromMinutes(1), 10, CancellationToken.None));
        Assert.IsType<AccountChange.Unknown>(await Payouts.ChangeAccountAsync(delivered.Reference, account, Now, CancellationToken.None));
        await Payouts.RecordDeliveryAsync(delivered.Reference, new DeliveryResult.Delivered(), Now, Retries, CancellationToken.None);
        Assert.IsType<AccountChange.NotChangeable>(await Payouts.ChangeAccountAsync(delivered.Reference, account, Now, CancellationToken.None));

        await Payouts.ReportAsync(delivered.Reference, new FinanceReport(false, "card account closed", null), Now, CancellationToken.None);
        var again = Assert.IsType<AccountChange.Changed>(await Payouts.ChangeAccountAsync(delivered.Reference, account, Now, CancellationToken.None)).State;
        Assert.Equal((PayoutStatus.Waiting, 1, delivered.Reference + "-1", (string?)null), (again.Status, again.Revision, again.DeliveryKey, again.Reason));
        Assert.Contains(delivered.Reference, (await Payouts.TakeDueAsync(Now, TimeSpan.FromMinutes(1), 10, CancellationToken.None)).Select(p => p.Reference));
        Assert.IsType<AccountChange.Unknown>(await Payouts.ChangeAccountAsync("CC-NOSUCH", account, Now, CancellationToken.None));
    }

    [Fact]
    public async Task SepaHandOvers_TakeEachWaitingEuroTransferOnce_EvenAtTheSameMoment_AndKeepTheirFileAsWritten()
    {
        var account = new BankAccount("DE89370400440532013000", "Alex Sample");
        var transfers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var grant = await GrantAsync("S" + i);
            await Payouts.ChangeAccountAsync(grant.Reference, account, Now, CancellationToken.None);
            transfers.Add(grant.Reference);
        }
        var card = await GrantAsync("S9");

        static byte[] Write(IReadOnlyList<PayoutState> transfers) => System.Text.Encoding.UTF8.GetBytes(string.Join(",", transfers.Select(t => t.Reference)));
        var both = await Task.WhenAll(Payouts.HandOverAsync("CC-A", Now, 100, Write, CancellationToken.None), AnotherInstance().HandOverAsync("CC-B", Now, 100, Write, CancellationToken.None));
        Assert.Equal(transfers.Order(StringComparer.Ordinal), both.SelectMany(b => b).Select(p => p.Reference).Order(StringComparer.Ordinal));
        Assert.Empty(await Payouts.HandOverAsync("CC-C", Now, 100, Write, CancellationToken.None));
        Assert.Null(await Payouts.SepaFileAsync("CC-C", CancellationToken.None));

        foreach (var (batch, handed) in new[] { ("CC-A", both[0]), ("CC-B", both[1]) }.Where(b => b.Item2.Count > 0))
        {
            var file = (await AnotherInstance().SepaFileAsync(batch, CancellationToken.None))!;
            Assert.Equal((handed.Count, Now), (file.Transfers, file.CreatedUtc));
            Assert.Equal(Write(handed), file.Content);
            Assert.All(handed, p => Assert.Equal(PayoutStatus.Sent, Payouts.FindAsync(p.Reference, CancellationToken.None).Result!.Status));
        }
        Assert.Equal(PayoutStatus.Waiting, (await Payouts.FindAsync(card.Reference, CancellationToken.None))!.Status);
        Assert.Null(await Payouts.SepaFileAsync("CC-NONE", CancellationToken.None));
    }

    [Fact]
    public async Task ARejection_WaitsToBeTold_UntilTheCustomerIs_AndAgainAfterANewVersionIsRejected()
    {
        var rejected = await GrantAsync("R1");
        var paid = await GrantAsync("R2");
        await Payouts.ReportAsync(rejected.Reference, new FinanceReport(false, "card account closed", null), Now, CancellationToken.None);
        await Payouts.ReportAsync(paid.Reference, new FinanceReport(true, null, null), Now, CancellationToken.None);

        Assert.Equal([rejected.Reference], (await AnotherInstance().UntoldRejectionsAsync(10, CancellationToken.None)).Select(p => p.Reference));
        var told = await Payouts.RecordCustomerToldAsync(rejected.Reference, Now, reached: true, CancellationToken.None);
        Assert.Equal((Now, true), (told!.CustomerToldUtc, told.CustomerReached));
        Assert.Empty(await Payouts.UntoldRejectionsAsync(10, CancellationToken.None));

        await Payouts.ChangeAccountAsync(rejected.Reference, new BankAccount("DE89370400440532013000", "Alex Sample"), Now, CancellationToken.None);
        await Payouts.ReportAsync(rejected.Reference, new FinanceReport(false, "account holder differs", null), Now, CancellationToken.None);
        Assert.Equal([rejected.Reference], (await Payouts.UntoldRejectionsAsync(10, CancellationToken.None)).Select(p => p.Reference));
    }

    [Fact]
    public async Task CodesForOnePayout_AreCountedAcrossInstances_SoManyADay_AndARefusalRecordsNothing()
    {
        var one = await GrantAsync("C1");
        var other = await GrantAsync("C2");
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await (i % 2 == 0 ? Payouts : AnotherInstance()).TryRecordCodeAsync([one.Reference], Now, 3, CancellationToken.None));
        }

        Assert.False(await AnotherInstance().TryRecordCodeAsync([other.Reference, one.Reference], Now, 3, CancellationToken.None));
        Assert.Empty((await Payouts.FindAsync(other.Reference, CancellationToken.None))!.CodesSentUtc);
        Assert.Equal(PayoutStatus.Waiting, (await Payouts.FindAsync(one.Reference, CancellationToken.None))!.Status);
        Assert.False(await Payouts.TryRecordCodeAsync(["CC-NOSUCH"], Now, 3, CancellationToken.None));

        Clock.Advance(TimeSpan.FromDays(1).Add(TimeSpan.FromSeconds(1)));
        Assert.True(await Payouts.TryRecordCodeAsync([one.Reference, other.Reference], Now, 3, CancellationToken.None));
        Assert.Single((await AnotherInstance().FindAsync(one.Reference, CancellationToken.None))!.CodesSentUtc);
    }
}
