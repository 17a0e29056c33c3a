namespace CustomerCare.Ledger;

/// <summary>
/// How much one role may grant, per currency, and the rates (value of one unit in EUR) that count a grant in several
/// currencies in one: the booking's currency when it has a limit, else the first remedy's. A currency missing from
/// either table is refused.
/// </summary>
public sealed record AuthorityLimits(IReadOnlyDictionary<string, decimal> Limits, IReadOnlyDictionary<string, decimal> EurPerUnit)
{
    public AuthorityVerdict Check(IReadOnlyList<GrantedRemedy> remedies, string bookingCurrency)
    {
        if (remedies.Select(r => r.Currency).FirstOrDefault(c => !EurPerUnit.ContainsKey(c) || !Limits.ContainsKey(c)) is { } unknown)
        {
            return new AuthorityVerdict.UnknownCurrency(unknown);
        }
        var currency = Limits.ContainsKey(bookingCurrency) && EurPerUnit.ContainsKey(bookingCurrency)
            ? bookingCurrency
            : remedies.Count > 0 ? remedies[0].Currency : bookingCurrency;
        if (!Limits.TryGetValue(currency, out var limit) || !EurPerUnit.TryGetValue(currency, out var rate) || rate <= 0)
        {
            return new AuthorityVerdict.UnknownCurrency(currency);
        }
        var counted = decimal.Round(remedies.Sum(r => r.Currency == currency ? r.Amount : r.Amount * EurPerUnit[r.Currency] / rate), 2);
        return counted <= limit ? new AuthorityVerdict.Within(counted, currency, limit) : new AuthorityVerdict.Above(counted, currency, limit);
    }

    /// <summary>The remedies' total in one currency, through the rates; null when a currency has no rate.</summary>
    public decimal? Total(IEnumerable<GrantedRemedy> remedies, string currency)
    {
        var list = remedies.ToList();
        if (!EurPerUnit.TryGetValue(currency, out var rate) || rate <= 0 || list.Any(r => !EurPerUnit.ContainsKey(r.Currency)))
        {
            return null;
        }
        return decimal.Round(list.Sum(r => r.Currency == currency ? r.Amount : r.Amount * EurPerUnit[r.Currency] / rate), 2);
    }

    /// <summary>Known currency for granting at all (has a limit and a rate).</summary>
    public bool Knows(string currency) => Limits.ContainsKey(currency) && EurPerUnit.ContainsKey(currency);
}
