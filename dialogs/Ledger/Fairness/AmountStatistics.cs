namespace CustomerCare.Ledger.Fairness;

/// <summary>Count, mean and spread (population standard deviation, minimum, maximum) of granted amounts.</summary>
public sealed record AmountStatistics(int Count, decimal Mean, decimal StandardDeviation, decimal Minimum, decimal Maximum)
{
    public static AmountStatistics Of(IReadOnlyCollection<decimal> amounts)
    {
        if (amounts.Count == 0)
        {
            return new AmountStatistics(0, 0, 0, 0, 0);
        }
        var mean = amounts.Sum() / amounts.Count;
        var variance = amounts.Sum(a => (a - mean) * (a - mean)) / amounts.Count;
        return new AmountStatistics(amounts.Count, Math.Round(mean, 2), Math.Round((decimal)Math.Sqrt((double)variance), 2), amounts.Min(), amounts.Max());
    }
}
