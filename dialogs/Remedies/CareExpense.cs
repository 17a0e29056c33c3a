namespace CustomerCare.Remedies;

/// <summary>What a care receipt was for.</summary>
public enum CareExpense
{
    Meals,
    Hotel,
    LocalTransport,
}
