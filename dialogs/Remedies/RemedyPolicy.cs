namespace CustomerCare.Remedies;

/// <summary>One published, versioned rule set. Every number lives in the policy file, none in code.</summary>
public sealed record RemedyPolicy
{
    public required string Version { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    public DateOnly? EffectiveTo { get; init; }

    public required Eu261Rules Eu261 { get; init; }

    public required Eu261Rules Uk261 { get; init; }

    public required UsRules Us { get; init; }

    public required CareRules Care { get; init; }

    public required BaggageRules Baggage { get; init; }

    public required GoodwillRules Goodwill { get; init; }

    /// <summary>Where the customer may take a voucher instead of money; null: money only.</summary>
    public VoucherRules? Vouchers { get; init; }

    /// <summary>Per currency: amounts up to this are granted by the bot; above, a person decides.</summary>
    public required Dictionary<string, decimal> AutomaticApprovalLimit { get; init; }

    public bool AppliesOn(DateOnly day) => day >= EffectiveFrom && (EffectiveTo is null || day <= EffectiveTo);
}

/// <summary>EU261 and UK261 share their structure; only the amounts and the currency differ.</summary>
public sealed record Eu261Rules(
    string Regulation,
    string Currency,
    IReadOnlyList<DistanceBand> Bands,
    decimal IntraEuOver1500Amount,
    double ArrivalDelayHours,
    double HalvingBelowDelayHours,
    double RefundFromHours,
    CancellationRules Cancellation);

/// <summary>A distance band of Art. 7(1): up to MaxKm (null = beyond), its amount, when care starts, the re-route window of Art. 7(2).</summary>
public sealed record DistanceBand(string Name, double? MaxKm, decimal Amount, double CareFromHours, double RerouteWithinHours);

/// <summary>Art. 5(1)(c): no compensation with enough notice, or a close enough re-route.</summary>
public sealed record CancellationRules(int NoCompensationNoticeDays, IReadOnlyList<CancellationWindow> Windows);

public sealed record CancellationWindow(int MinNoticeDays, double MaxEarlierDepartureHours, double MaxLaterArrivalHours);

/// <summary>14 CFR 250 (denied boarding) and 14 CFR 260 (refunds, bag fees).</summary>
public sealed record UsRules(
    string Currency,
    IReadOnlyList<UsDeniedBoardingTier> DeniedBoarding,
    double SignificantDelayHoursDomestic,
    double SignificantDelayHoursInternational,
    double BagFeeRefundHoursDomestic,
    double BagFeeRefundHoursInternational,
    double CareFromHours);

/// <summary>Up to these substitute-arrival delays: this percentage of the one-way fare, at most Cap.</summary>
public sealed record UsDeniedBoardingTier(double MaxDelayHoursDomestic, double MaxDelayHoursInternational, int PercentOfFare, decimal Cap);

/// <summary>Flat care (meals per three hours, a hotel per night), or, with <see cref="Receipts"/>, care paid back against receipts up to caps.</summary>
public sealed record CareRules(decimal MealPerPersonPerThreeHours, decimal HotelPerNightCap)
{
    public CareReceiptRates? Receipts { get; init; }
}

public sealed record BaggageRules(decimal InterimPerDay, int InterimMaxDays, int LostAfterDays);

/// <summary>
/// A gesture on top of the legal floor: the base times the tier's multiplier, never above MaxMultiplier × base. It is
/// given in the booking's currency (BaseAmounts); a booking in a currency the table lacks gets BaseAmount in Currency.
/// </summary>
public sealed record GoodwillRules(decimal BaseAmount, string Currency, Dictionary<LoyaltyTier, decimal> Multipliers, decimal MaxMultiplier)
{
    public Dictionary<string, decimal> BaseAmounts { get; init; } = [];

    public (decimal Amount, string Currency) BaseIn(string bookingCurrency)
        => BaseAmounts.TryGetValue(bookingCurrency, out var amount) ? (amount, bookingCurrency) : (BaseAmount, Currency);
}
