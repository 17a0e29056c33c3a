namespace CustomerCare.Ledger;

/// <summary>Whether a grant is within an actor's authority, counted in one currency.</summary>
public abstract record AuthorityVerdict
{
    private AuthorityVerdict()
    {
    }

    public sealed record Within(decimal Counted, string Currency, decimal Limit) : AuthorityVerdict;

    public sealed record Above(decimal Counted, string Currency, decimal Limit) : AuthorityVerdict;

    /// <summary>A currency with no limit or no exchange rate: nobody may grant in it.</summary>
    public sealed record UnknownCurrency(string Currency) : AuthorityVerdict;
}
