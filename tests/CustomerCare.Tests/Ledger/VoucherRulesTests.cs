using CustomerCare.Ledger;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Ledger;

/// <summary>Vouchers: worth more than the cash, only by the customer's choice, each with its own unguessable code.</summary>
public sealed class VoucherRulesTests
{
    private static readonly decimal[] Bands = [250m, 400m, 600m, 0.01m];
    private static readonly decimal[] Odd = [1m, 99.99m, 12345.67m];

    [Fact]
    public void TheVoucherPolicy_StartsWithItsVersion_AndAVoucherIsWorthMoreThanTheCash()
    {
        var book = RemedyPolicyBook.Embedded;
        Assert.Null(book.InForceOn(new DateOnly(2026, 11, 30)).Vouchers);
        var rules = book.InForceOn(new DateOnly(2026, 12, 1)).Vouchers!;
        Assert.Equal("2026.12", book.InForceOn(new DateOnly(2026, 12, 1)).Version);
        Assert.Equal([RemedyKind.Compensation], rules.Kinds);
        Assert.Equal([325m, 520m, 780m, 0.01m], Bands.Select(rules.ValueOf));
        Assert.All(Odd, cash => Assert.True(rules.ValueOf(cash) > cash));
    }

    [Fact]
    public void VoucherCodes_AreEightyRandomBits_InCrockfordsAlphabet()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => VoucherCodes.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^V-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        // Every character position takes many values: no position is fixed by the encoding.
        Assert.All(Enumerable.Range(2, 17).Where(i => codes[0][i] != '-'), i => Assert.True(codes.Select(c => c[i]).Distinct().Count() > 20, $"position {i}"));
    }

    [Fact]
    public void AVoucher_IsRefused_WithoutConsent_OrWhenTheCustomerChoseTheMoney()
    {
        var who = LedgerRequests.Passenger();
        var voucher = new GrantedRemedy("eu261", RemedyKind.Compensation, 400m, "EUR", "EU261 Art. 7(1)(b)", AsVoucher: true, VoucherValue: 520m) { VoucherCode = VoucherCodes.New() };
        var request = LedgerRequests.Request(who, LedgerRequests.Bot(), remedy: voucher);

        Assert.Equal(GrantRefusal.VoucherWithoutConsent, request.Violation());
        Assert.Equal(GrantRefusal.VoucherWithoutConsent, (request with { CustomerAgreedToVoucher = true, Choice = new RemedyChoice(false, "shown") }).Violation());
        Assert.Null((request with { CustomerAgreedToVoucher = true, Choice = new RemedyChoice(true, "shown") }).Violation());
        Assert.Equal(GrantRefusal.VoucherWorthLessThanCash,
            (request with { CustomerAgreedToVoucher = true, Remedies = [voucher with { VoucherValue = 399m }] }).Violation());
    }
}
