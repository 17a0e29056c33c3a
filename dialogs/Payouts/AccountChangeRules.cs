namespace CustomerCare.Payouts;

/// <summary>
/// How a customer proves a change of payout account (<c>Payouts:CodeLifetimeMinutes</c>,
/// <c>Payouts:MaxCodesPerConversation</c>): a code by e-mail, valid this long, at most this many a conversation.
/// </summary>
public sealed record AccountChangeRules(int CodeLifetimeMinutes = 10, int MaxCodesPerConversation = 3)
{
    public static AccountChangeRules Default { get; } = new();
}
