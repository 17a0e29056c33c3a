using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CustomerCare.Bot.Payouts;
using CustomerCare.Payouts;

namespace CustomerCare.Tests.Payouts;

/// <summary>The rules of delivery, without a network: what each answer means, how tries are spaced, what a signature and a report are.</summary>
public sealed class PayoutRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(200, "Delivered")]
    [InlineData(202, "Delivered")]
    [InlineData(204, "Delivered")]
    [InlineData(408, "TryAgain")]
    [InlineData(429, "TryAgain")]
    [InlineData(500, "TryAgain")]
    [InlineData(503, "TryAgain")]
    [InlineData(400, "Refused")]
    [InlineData(401, "Refused")]
    [InlineData(404, "Refused")]
    [InlineData(409, "Refused")]
    [InlineData(422, "Refused")]
    [InlineData(302, "Refused")]
    public void EachAnswer_MeansDeliveredTryAgainOrRefused(int status, string meaning)
        => Assert.Equal(meaning, PayoutDispatcher.Classify((HttpStatusCode)status, null, Now).GetType().Name);

    [Fact]
    public void RetryAfter_AsSecondsOrAsADate_IsHonoured_AndADateInThePastIsNot()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), Assert.IsType<DeliveryResult.TryAgain>(PayoutDispatcher.Classify(HttpStatusCode.TooManyRequests, new RetryConditionHeaderValue(TimeSpan.FromSeconds(120)), Now)).RetryAfter);
        Assert.Equal(TimeSpan.FromMinutes(3), Assert.IsType<DeliveryResult.TryAgain>(PayoutDispatcher.Classify(HttpStatusCode.ServiceUnavailable, new RetryConditionHeaderValue(Now.AddMinutes(3)), Now)).RetryAfter);
        Assert.Null(Assert.IsType<DeliveryResult.TryAgain>(PayoutDispatcher.Classify(HttpStatusCode.ServiceUnavailable, new RetryConditionHeaderValue(Now.AddMinutes(-3)), Now)).RetryAfter);
    }

    [Fact]
    public void Waits_DoubleWithJitterUpToTheCap_AndARetryAfterIsCappedToo()
    {
        var low = new PayoutRetryPolicy(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(15), 30, () => 0.0);
        var high = low with { Random = () => 1.0 };

        Assert.Equal([1, 2, 4, 8, 16], Enumerable.Range(1, 5).Select(a => low.Delay(a, null).TotalSeconds));
        Assert.Equal([2, 4, 8, 16, 32], Enumerable.Range(1, 5).Select(a => high.Delay(a, null).TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(15), high.Delay(40, null));
        Assert.Equal(TimeSpan.FromMinutes(7.5), low.Delay(40, null));
        Assert.Equal(TimeSpan.FromSeconds(90), low.Delay(1, TimeSpan.FromSeconds(90)));
        Assert.Equal(TimeSpan.FromMinutes(15), low.Delay(1, TimeSpan.FromHours(5)));
    }

    [Fact]
    public void ASignature_VerifiesItsBodyOnly()
    {
        const string secret = "a-secret-of-at-least-thirty-two-characters";
        var body = Encoding.UTF8.GetBytes("""{"status":"paid"}""");
        var signature = PayoutSignature.Sign(secret, body);

        Assert.Matches("^sha256=[0-9a-f]{64}$", signature);
        Assert.True(PayoutSignature.Verifies(secret, body, signature));
        Assert.True(PayoutSignature.Verifies(secret, body, signature.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal)));
        Assert.False(PayoutSignature.Verifies(secret, Encoding.UTF8.GetBytes("""{"status":"paid" }"""), signature));
        Assert.False(PayoutSignature.Verifies(secret + "x", body, signature));
        Assert.False(PayoutSignature.Verifies(secret, body, signature[..^1]));
        Assert.False(PayoutSignature.Verifies(secret, body, null));
        Assert.False(PayoutSignature.Verifies(secret, body, "sha1=" + signature[7..]));
    }

    [Theory]
    [InlineData("""{"reference":"G-PAYOUT01","status":"paid"}""", true, null, null)]
    [InlineData("""{"status":"paid","paidOn":"2026-11-30","reference":"G-PAYOUT01"}""", true, null, "2026-11-30")]
    [InlineData("""{"reference":"G-PAYOUT01","status":"rejected","reason":" account\n• closed\t "}""", false, "account • closed", null)]
    public void AReport_IsReadFromItsBody(string json, bool paid, string? reason, string? paidOn)
    {
        var report = PayoutStatusEndpoint.Parse(Encoding.UTF8.GetBytes(json), "G-PAYOUT01");

        Assert.Equal(new FinanceReport(paid, reason, paidOn is null ? null : DateOnly.Parse(paidOn, System.Globalization.CultureInfo.InvariantCulture)), report);
    }

    [Theory]
    [InlineData("""{"status":"paid"}""")]
    [InlineData("""{"reference":"G-PAYOUT02","status":"paid"}""")]
    [InlineData("""{"reference":"g-payout01","status":"paid"}""")]
    [InlineData("""{"reference":"G-PAYOUT01","status":"rejected"}""")]
    [InlineData("""{"reference":"G-PAYOUT01","status":"rejected","reason":"   "}""")]
    [InlineData("""{"status":"paid","paidOn":"30.11.2026"}""")]
    [InlineData("""{"status":"paid","paidOn":20261130}""")]
    [InlineData("""{"status":"PAID"}""")]
    [InlineData("""{"status":"sent"}""")]
    [InlineData("""["paid"]""")]
    [InlineData("""{"status":""")]
    [InlineData("")]
    public void ABodyThatMakesNoReport_IsRefused(string json)
        => Assert.Null(PayoutStatusEndpoint.Parse(Encoding.UTF8.GetBytes(json), "G-PAYOUT01"));

    [Fact]
    public void AVoucherOnlyGrant_MakesNoInstruction_AndCashIsSummedPerCurrency()
    {
        var subject = new CustomerCare.Ledger.GrantSubject("P1", "K7QX2M", "CC1", new DateOnly(2026, 11, 20), CustomerCare.Remedies.DisruptionKind.Delay);
        var actor = new CustomerCare.Ledger.GrantActor(CustomerCare.Ledger.ActorKind.Bot, "bot", null, "test", "c");
        CustomerCare.Ledger.LedgerEntry Entry(params CustomerCare.Ledger.GrantedRemedy[] remedies) => new("G-TEST0001", subject, remedies, "2025.01", actor, Now.UtcDateTime);

        Assert.Null(PayoutInstruction.For(Entry(new CustomerCare.Ledger.GrantedRemedy("v", CustomerCare.Remedies.RemedyKind.Compensation, 600, "EUR", "EU261", AsVoucher: true, VoucherValue: 780))));
        var mixed = PayoutInstruction.For(Entry(
            new("c", CustomerCare.Remedies.RemedyKind.Compensation, 600, "EUR", "EU261 Art. 7"),
            new("m", CustomerCare.Remedies.RemedyKind.Care, 49, "EUR", "EU261 Art. 9"),
            new("g", CustomerCare.Remedies.RemedyKind.Goodwill, 50, "USD", "Goodwill"),
            new("v", CustomerCare.Remedies.RemedyKind.Goodwill, 100, "EUR", "Voucher", AsVoucher: true, VoucherValue: 130)))!;

        Assert.Equal([new PayoutAmount(649, "EUR"), new PayoutAmount(50, "USD")], mixed.Amounts);
        Assert.Equal(["EU261 Art. 7", "EU261 Art. 9", "Goodwill"], mixed.Rules);
    }
}
