namespace CustomerCare.Remedies;

/// <summary>The cabins of a flight, lowest first: a passenger seated in a lower one than booked was downgraded.</summary>
public enum Cabin
{
    Economy,
    PremiumEconomy,
    Business,
    First,
}
