using CustomerCare.Remedies;

namespace CustomerCare.Ledger;

/// <summary>
/// A journey can be disrupted twice over — its flights, and a passenger's bag — and care, refunds, bag payments and
/// goodwill are owed once per disruption. Statutory compensation is owed once per journey, whatever the disruption.
/// </summary>
public enum DisruptionFamily
{
    Flight,
    Bag,
}

public static class DisruptionFamilies
{
    public static DisruptionFamily Of(DisruptionKind kind) => kind == DisruptionKind.Baggage ? DisruptionFamily.Bag : DisruptionFamily.Flight;
}
