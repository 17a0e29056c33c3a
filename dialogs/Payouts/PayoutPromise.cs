namespace CustomerCare.Payouts;

/// <summary>What the customer is told about when the money arrives: within this many days of the grant (<c>Payouts:PaidWithinDays</c>).</summary>
public sealed record PayoutPromise(int PaidWithinDays)
{
    public static PayoutPromise Default { get; } = new(7);
}
