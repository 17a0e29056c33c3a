namespace CustomerCare.Payouts;

/// <summary>Where an instruction stands.</summary>
public enum PayoutStatus
{
    /// <summary>Kept, not yet taken by finance: waiting for delivery (or its next try), or for finance's download.</summary>
    Waiting,

    /// <summary>Finance's webhook took it; finance has not reported back yet.</summary>
    Sent,

    /// <summary>Finance reported it paid.</summary>
    Paid,

    /// <summary>Finance reported that it will not pay, with a reason.</summary>
    Rejected,

    /// <summary>Delivery stopped: the webhook refused it, or every try failed. A person looks at it.</summary>
    Failed,
}

/// <summary>An instruction and how far it got.</summary>
public sealed record PayoutState(
    PayoutInstruction Instruction,
    PayoutStatus Status,
    int Attempts,
    DateTime NextAttemptUtc,
    string? LastError = null,
    DateTime? SentUtc = null,
    string? Reason = null,
    DateOnly? PaidOn = null,
    DateTime? ReportedUtc = null)
{
    public string Reference => Instruction.Reference;

    /// <summary>Which version of the instruction finance gets: 0 at first, one more for each new account after finance refused or rejected it.</summary>
    public int Revision { get; init; }

    /// <summary>Set when the webhook refused the instruction for good (a 4xx).</summary>
    public bool RefusedByWebhook { get; init; }

    /// <summary>
    /// Set once a try of this version may have reached finance: it was taken, or its answer never came (a timeout, a
    /// lost connection, a 5xx, 408 or 429). A later refusal does not undo it: finance may still pay the earlier try.
    /// </summary>
    public bool MayHaveReachedFinance { get; init; }

    /// <summary>
    /// The <c>Idempotency-Key</c> finance sees: the grant reference, and for a later version "reference-revision", so
    /// a version with a new account is not taken for the one finance turned down. Only a version finance turned
    /// down is ever replaced, so one grant is never paid twice.
    /// </summary>
    public string DeliveryKey => Revision == 0 ? Reference : $"{Reference}-{Revision}";

    /// <summary>The SEPA credit-transfer file (its message id) that handed the instruction to finance, when one did.</summary>
    public string? Batch { get; init; }

    /// <summary>When the customer was sent word of finance's rejection (or found to have no address to send it to).</summary>
    public DateTime? CustomerToldUtc { get; init; }

    /// <summary>Whether that word reached an address: false when the booking has none.</summary>
    public bool CustomerReached { get; init; }

    /// <summary>When one-time codes for a change of this payout's account were sent, within the last day.</summary>
    public IReadOnlyList<DateTime> CodesSentUtc { get; init; } = [];

    /// <summary>Whether another code may be sent for it: fewer than <paramref name="maxPerDay"/> in the last 24 hours, from any conversation.</summary>
    public bool MayHaveCodeSent(DateTime now, int maxPerDay) => CodesSentUtc.Count(at => at > now.AddDays(-1)) < maxPerDay;

    /// <summary>The same, with a code sent now (older sends than a day are forgotten).</summary>
    public PayoutState WithCodeSent(DateTime now) => this with { CodesSentUtc = [.. CodesSentUtc.Where(at => at > now.AddDays(-1)), now] };

    /// <summary>Whether the customer still has to hear that finance rejected the payout.</summary>
    public bool CustomerToBeTold => Status == PayoutStatus.Rejected && CustomerToldUtc is null;

    public PayoutState Told(DateTime now, bool reached) => CustomerToBeTold ? this with { CustomerToldUtc = now, CustomerReached = reached } : this;

    /// <summary>A bank transfer in euros to a checked IBAN, not yet handed over: what a SEPA credit-transfer file carries.</summary>
    public bool GoesInSepaFile => Status == PayoutStatus.Waiting && Attempts == 0 && LastError is null
        && Instruction is { Method: PayoutMethod.BankTransfer, Account: { } account } && Iban.TryParse(account.Iban, out _)
        && Instruction.Amounts.All(a => a.Currency == "EUR");

    /// <summary>Handed to finance in the SEPA file <paramref name="batch"/>: sent, as a webhook delivery would be.</summary>
    public PayoutState HandedOver(string batch, DateTime now)
        => GoesInSepaFile ? this with { Status = PayoutStatus.Sent, SentUtc = now, Batch = batch, MayHaveReachedFinance = true } : this;

    /// <summary>Whether the customer may still choose where the money goes: finance has not got it, or turned it down.</summary>
    public bool AccountChangeable => Status switch
    {
        // Never tried (a supervisor's retry keeps the last error: finance may have had an earlier try).
        PayoutStatus.Waiting => Attempts == 0 && LastError is null,
        PayoutStatus.Rejected => true,
        PayoutStatus.Failed => RefusedByWebhook && !MayHaveReachedFinance,
        _ => false,
    };

    /// <summary>
    /// Paid by bank transfer to <paramref name="account"/> instead: before any delivery try, the same version; after
    /// finance turned it down, a new version delivered from the start under its own key.
    /// </summary>
    public AccountChange ChangeAccount(BankAccount account, DateTime now)
    {
        if (!AccountChangeable)
        {
            return new AccountChange.NotChangeable(this);
        }
        var moved = this with { Instruction = Instruction.To(account), NextAttemptUtc = now };
        return new AccountChange.Changed(Status == PayoutStatus.Waiting
            ? moved
            : moved with
            {
                Status = PayoutStatus.Waiting, Revision = Revision + 1, Attempts = 0, RefusedByWebhook = false, MayHaveReachedFinance = false, Batch = null,
                LastError = null, SentUtc = null,
                Reason = null, PaidOn = null, ReportedUtc = null, CustomerToldUtc = null, CustomerReached = false,
            });
    }

    /// <summary>Whether finance has had its final word.</summary>
    public bool IsSettled => Status is PayoutStatus.Paid or PayoutStatus.Rejected;

    /// <summary>The state once finance reported; a settled state does not change.</summary>
    public PayoutReportOutcome Apply(FinanceReport report, DateTime now)
    {
        var reported = report.Paid ? PayoutStatus.Paid : PayoutStatus.Rejected;
        var paidOn = report.Paid ? report.PaidOn ?? DateOnly.FromDateTime(now) : (DateOnly?)null;
        if (IsSettled)
        {
            return Status == reported && (report.Paid ? report.PaidOn is null || report.PaidOn == PaidOn : Reason == report.Reason)
                ? new PayoutReportOutcome.AlreadyRecorded(this)
                : new PayoutReportOutcome.Conflict(this);
        }
        if (paidOn < DateOnly.FromDateTime(Instruction.GrantedUtc))
        {
            return new PayoutReportOutcome.Implausible(this, $"paidOn {paidOn:yyyy-MM-dd} is before the grant of {Instruction.GrantedUtc:yyyy-MM-dd}.");
        }
        // A report on an instruction not marked sent means finance has it (its acknowledgement was lost): it counts.
        return new PayoutReportOutcome.Recorded(this with
        {
            Status = reported,
            Reason = report.Reason,
            PaidOn = paidOn,
            ReportedUtc = now,
        });
    }

    /// <summary>The state after a delivery try; only a waiting instruction is delivered, so nothing else changes.</summary>
    public PayoutState After(DeliveryResult result, DateTime now, PayoutRetryPolicy retries) => Status != PayoutStatus.Waiting ? this : result switch
    {
        DeliveryResult.Delivered => this with { Status = PayoutStatus.Sent, Attempts = Attempts + 1, SentUtc = now, LastError = null, MayHaveReachedFinance = true },
        DeliveryResult.Refused refused => this with { Status = PayoutStatus.Failed, Attempts = Attempts + 1, LastError = refused.Error, RefusedByWebhook = true },
        DeliveryResult.TryAgain again when Attempts + 1 >= retries.MaxAttempts => this with
        {
            Status = PayoutStatus.Failed, Attempts = Attempts + 1, LastError = $"{again.Error} (gave up after {Attempts + 1} tries)", MayHaveReachedFinance = true,
        },
        DeliveryResult.TryAgain again => this with
        {
            Attempts = Attempts + 1, LastError = again.Error, NextAttemptUtc = now + retries.Delay(Attempts + 1, again.RetryAfter), MayHaveReachedFinance = true,
        },
        _ => this,
    };

    /// <summary>A failed instruction delivered again from the start (a supervisor's retry).</summary>
    public PayoutState Retried(DateTime now) => Status == PayoutStatus.Failed ? this with { Status = PayoutStatus.Waiting, Attempts = 0, NextAttemptUtc = now, RefusedByWebhook = false } : this;
}

/// <summary>What finance reports for one instruction.</summary>
public sealed record FinanceReport(bool Paid, string? Reason, DateOnly? PaidOn);

/// <summary>What a report from finance came to.</summary>
public abstract record PayoutReportOutcome
{
    private PayoutReportOutcome()
    {
    }

    public sealed record Recorded(PayoutState State) : PayoutReportOutcome;

    /// <summary>The same report again: nothing changed.</summary>
    public sealed record AlreadyRecorded(PayoutState State) : PayoutReportOutcome;

    /// <summary>Finance already reported otherwise; the first report stands.</summary>
    public sealed record Conflict(PayoutState State) : PayoutReportOutcome;

    /// <summary>A report that cannot be true (paid before the grant was made); nothing changed.</summary>
    public sealed record Implausible(PayoutState State, string Why) : PayoutReportOutcome;

    public sealed record Unknown : PayoutReportOutcome;
}

/// <summary>What a customer's new account came to.</summary>
public abstract record AccountChange
{
    private AccountChange()
    {
    }

    public sealed record Changed(PayoutState State) : AccountChange;

    /// <summary>Finance has it (or may have it, or paid it): the account can no longer change here.</summary>
    public sealed record NotChangeable(PayoutState State) : AccountChange;

    /// <summary>No instruction under that reference, or it is being delivered at this moment.</summary>
    public sealed record Unknown : AccountChange;
}

/// <summary>What one delivery try came to.</summary>
public abstract record DeliveryResult
{
    private DeliveryResult()
    {
    }

    public sealed record Delivered : DeliveryResult;

    /// <summary>A fault worth trying again: a timeout, no connection, 5xx, 408 or 429 (with the wait it asked for).</summary>
    public sealed record TryAgain(string Error, TimeSpan? RetryAfter = null) : DeliveryResult;

    /// <summary>Refused for good (any other 4xx): trying again would be refused again.</summary>
    public sealed record Refused(string Error) : DeliveryResult;
}
