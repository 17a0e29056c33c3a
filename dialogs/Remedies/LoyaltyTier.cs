namespace CustomerCare.Remedies;

public enum LoyaltyTier
{
    Basic,
    Silver,
    Gold,
    Platinum,
}
