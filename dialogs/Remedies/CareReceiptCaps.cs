namespace CustomerCare.Remedies;

/// <summary>
/// What receipts for one disruption are paid back up to: meals for the hours waited, a hotel for the nights, local
/// transport once for the journey; in the regulation's currency, under its care rule.
/// </summary>
public sealed record CareReceiptCaps(decimal Meals, decimal Hotel, decimal LocalTransport, string Currency, string Rule, double HoursWaited, int Nights)
{
    public decimal For(CareExpense expense) => expense switch
    {
        CareExpense.Meals => Meals,
        CareExpense.Hotel => Hotel,
        _ => LocalTransport,
    };
}
