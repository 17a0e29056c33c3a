using CustomerCare.Privacy;

namespace CustomerCare.Tests.Supervisors;

public sealed class SensitiveDataMaskTests
{
    [Theory]
    [InlineData("my card is 4111 1111 1111 1111 thanks", "my card is [card ••••1111] thanks")]
    [InlineData("card 5500-0000-0000-0004", "card [card ••••0004]")]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00 please", "IBAN [IBAN DE••] please")]
    [InlineData("GB29NWBK60161331926819", "[IBAN GB••]")]
    [InlineData("write to kim.probe@example.com", "write to [e-mail]")]
    [InlineData("call me on +49 30 1234567", "call me on [phone]")]
    [InlineData("Tel. 0171 2345678 bitte", "Tel. [phone] bitte")]
    [InlineData("(0044) 20 7946 0958", "([phone]")]
    [InlineData("card 4111 1111 1111 1111 12/27 cvv 123", "card [card ••••1111] 12/27 cvv 123")]
    [InlineData("4111111111111111123", "[card ••••1111]123")]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX", "IBAN [IBAN DE••] BIC COBADEFFXXX")]
    [InlineData("iban de89370400440532013000 please", "iban [IBAN DE••] please")]
    [InlineData("call (212) 555-0147 or 212-555-0147", "call [phone] or [phone]")]
    public void SensitiveData_IsMasked(string text, string expected) => Assert.Equal(expected, SensitiveDataMask.Apply(text));

    [Theory]
    [InlineData("Booking DEMO01, flight CC400 on 2025-03-14, 600.00 EUR")]
    [InlineData("reference G-20250314-ABCD and case CC-0001")]
    [InlineData("4111 1111 1111 1112 is not a valid card")]
    [InlineData("my flight was delayed 4 hours at 10:30 on 14.03.2025")]
    [InlineData("CC400 from FRA to JFK on 11/18/2026 arrives 4 h 20 min late")]
    [InlineData("LH400 and LH401 both delayed, e-ticket 2201234567890")]
    public void OrdinaryTravelDetails_AreLeftAlone(string text) => Assert.Equal(text, SensitiveDataMask.Apply(text));

    [Fact]
    public void AnIbanWithWrongCheckDigits_IsNotTakenForAnIban()
        => Assert.DoesNotContain("[IBAN", SensitiveDataMask.Apply("DE00 3704 0044 0532 0130 00 has wrong check digits"), StringComparison.Ordinal);
}
