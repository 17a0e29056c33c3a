namespace CustomerCare.Bot.Privacy;

/// <summary>
/// Who a data-subject request is about: a passenger on a booking — the booking reference and the passenger id the
/// booking system gives them. Every grant, payout and case names both; an e-mail address alone does not identify a
/// passenger (passengers of one booking may share one, and the ledger keeps none).
/// </summary>
public sealed record CustomerKey(string BookingReference, string PassengerId)
{
    public string Booking => BookingReference.Trim().ToUpperInvariant();

    public override string ToString() => $"passenger {PassengerId} on booking {Booking}";
}
