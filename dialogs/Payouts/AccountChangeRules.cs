namespace CustomerCare.Payouts;

/// <summary>
/// How a customer proves a change of payout account (<c>Payouts:CodeLifetimeMinutes</c>,
/// <c>Payouts:MaxCodesPerConversation</c>, <c>Payouts:MaxCodesPerPayoutPerDay</c>): a code by e-mail, valid this
/// long, at most so many a conversation, and so many a day for one payout whichever conversations ask.
/// </summary>
public sealed record AccountChangeRules(int CodeLifetimeMinutes = 10, int MaxCodesPerConversation = 3, int MaxCodesPerPayoutPerDay = 3)
{
    public static AccountChangeRules Default { get; } = new();
}
