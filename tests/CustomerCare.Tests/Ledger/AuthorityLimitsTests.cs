using CustomerCare.Ledger;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Ledger;

/// <summary>An agent's authority with the default limits (EUR 1,000, USD 1,100, GBP 850, CHF 950) and rates (EUR per unit: USD 0.86, GBP 1.15, CHF 1.07).</summary>
public sealed class AuthorityLimitsTests
{
    private static readonly AuthorityLimits Agents = TestConversation.AgentAuthority;

    private static GrantedRemedy R(decimal amount, string currency) => new("x", RemedyKind.Goodwill, amount, currency, "rule");

    [Theory]
    [InlineData(1000, "EUR", "EUR", true)]
    [InlineData(1000.01, "EUR", "EUR", false)]
    [InlineData(1100, "USD", "USD", true)]
    [InlineData(1100.01, "USD", "USD", false)]
    [InlineData(850, "GBP", "GBP", true)]
    [InlineData(850.01, "GBP", "GBP", false)]
    [InlineData(950.01, "CHF", "CHF", false)]
    public void EachCurrency_HasItsOwnLimit(decimal amount, string currency, string booking, bool within)
        => Assert.Equal(within, Agents.Check([R(amount, currency)], booking) is AuthorityVerdict.Within);

    [Fact]
    public void SeveralCurrencies_AreCountedInTheBookingsCurrency()
    {
        // 900 EUR + 100 GBP in a EUR booking: 900 + 100 × 1.15 = 1,015 EUR > 1,000.
        var above = Assert.IsType<AuthorityVerdict.Above>(Agents.Check([R(900, "EUR"), R(100, "GBP")], "EUR"));
        Assert.Equal((1015m, "EUR", 1000m), (above.Counted, above.Currency, above.Limit));

        // 600 EUR + 20 GBP in a GBP booking: 600 × 1 / 1.15 + 20 = 541.74 GBP ≤ 850.
        var within = Assert.IsType<AuthorityVerdict.Within>(Agents.Check([R(600, "EUR"), R(20, "GBP")], "GBP"));
        Assert.Equal((541.74m, "GBP"), (within.Counted, within.Currency));
    }

    [Fact]
    public void ACurrencyWithoutALimitOrRate_IsRefused()
    {
        Assert.Equal("JPY", Assert.IsType<AuthorityVerdict.UnknownCurrency>(Agents.Check([R(1, "JPY")], "EUR")).Currency);
        Assert.False(Agents.Knows("XYZ"));
    }
}
