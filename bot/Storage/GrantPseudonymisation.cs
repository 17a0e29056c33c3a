namespace CustomerCare.Bot.Storage;

/// <summary>What became of one grant asked to be pseudonymised.</summary>
public enum GrantPseudonymisation
{
    /// <summary>Its name (and its payout's name and account) are now a pseudonym.</summary>
    Pseudonymised,

    /// <summary>It was pseudonymised before.</summary>
    AlreadyPseudonymised,

    /// <summary>Left whole: finance has not reported its payout paid, so the payout still needs its name and account.</summary>
    PayoutNotPaid,
}
