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
    CancellationRules Cancellation)
{
    /// <summary>Art. 10(2): the share of the flight's fare paid back for a downgrade, by distance band.</summary>
    public required DowngradeRules Downgrade { get; init; }
}

/// <summary>Art. 10(2)(a)–(c): up to the first band's distance; intra-EU beyond it, and others up to the second band's; all others.</summary>
public sealed record DowngradeRules(int FirstBandPercent, int SecondBandPercent, int BeyondPercent);

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

/// <summary>
/// Delayed bags: interim purchases per day up to a number of days, and lost after so many days (Montreal Convention
/// Art. 17(3)); the notice periods of Art. 31 and the liability limit of Art. 22(2), which changes on its own dates.
/// </summary>
public sealed record BaggageRules(decimal InterimPerDay, int InterimMaxDays, int LostAfterDays)
{
    /// <summary>Art. 31(2): a damaged bag is complained of within this many days of its receipt.</summary>
    public required int DamageNoticeDays { get; init; }

    /// <summary>Art. 31(2): a delayed bag is complained of within this many days of its being placed at the passenger's disposal.</summary>
    public required int DelayNoticeDays { get; init; }

    /// <summary>Art. 22(2) per passenger, in special drawing rights, each from the day it applies (ICAO's revisions).</summary>
    public required IReadOnlyList<LiabilityLimit> LiabilityLimits { get; init; }

    /// <summary>The limit that applied on the day of the flight.</summary>
    public decimal LiabilityLimitOn(DateOnly day)
        => LiabilityLimits.Where(l => l.EffectiveFrom <= day).OrderByDescending(l => l.EffectiveFrom).FirstOrDefault()?.Sdr
            ?? LiabilityLimits.OrderBy(l => l.EffectiveFrom).First().Sdr;
}

/// <summary>A Montreal Convention liability limit in special drawing rights, from the day it applies.</summary>
public sealed record LiabilityLimit(DateOnly EffectiveFrom, decimal Sdr);

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
