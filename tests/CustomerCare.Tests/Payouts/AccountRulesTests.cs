using CustomerCare.Payouts;

namespace CustomerCare.Tests.Payouts;

/// <summary>What a customer's bank details and one-time code must be before anything changes.</summary>
public sealed class AccountRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00", "DE89370400440532013000")]
    [InlineData("de89370400440532013000", "DE89370400440532013000")]
    [InlineData("GB29-NWBK-6016-1331-9268-19", "GB29NWBK60161331926819")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606")]
    [InlineData("NO9386011117947", "NO9386011117947")]
    public void AValidIban_IsReadInItsElectronicForm(string typed, string electronic)
    {
        Assert.True(Iban.TryParse(typed, out var iban));
        Assert.Equal(electronic, iban.Value);
    }

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 01")] // a check digit off
    [InlineData("DE89 3704 0044 0532 0130")] // too short for Germany
    [InlineData("XX89 3704 0044 0532 0130 00")] // no such country
    [InlineData("DE8937040044053201300O")] // a letter O for a zero
    [InlineData("")]
    [InlineData("DE89 3704 0044 0532 0130 00; DROP TABLE")]
    public void AnythingElse_IsNotAnIban(string typed) => Assert.False(Iban.TryParse(typed, out _));

    [Fact]
    public void AnIban_IsFoundInASentence_AndShownOnlyMasked()
    {
        Assert.True(Iban.TryFind("my IBAN is DE89 3704 0044 0532 0130 00, thanks", out var iban));
        Assert.Equal(("DE89370400440532013000", "DE89 •••• 3000", "DE89 •••• 3000"), (iban.Value, iban.Masked, iban.ToString()));
        Assert.False(Iban.TryFind("booking DEMO01, flight CC400 on 2026-11-18", out _));
    }

    [Theory]
    [InlineData("  Alex   Sample ", "Alex Sample")]
    [InlineData("12345", null)]
    [InlineData("", null)]
    [InlineData("Alex\u0000Sample", null)]
    [InlineData("Ана Иванова", null)]
    [InlineData("Zoë Façade", "Zoë Façade")]
    public void AHolderName_HasALetter_AndFitsSepa(string typed, string? name)
    {
        Assert.Equal(name, BankAccount.HolderName(typed));
        Assert.Null(BankAccount.HolderName(new string('a', BankAccount.MaxHolderLength + 1)));
    }

    [Fact]
    public void ACode_IsRightOnce_AsTyped_WithSpaces()
    {
        var (digits, code) = OneTimeCode.Issue(Now, TimeSpan.FromMinutes(10));
        Assert.Matches("^[0-9]{6}$", digits);
        Assert.DoesNotContain(digits, code.Hash + code.Salt, StringComparison.Ordinal);
        Assert.Equal(CodeVerdict.Correct, code.Check(digits[..3] + " " + digits[3..], Now.AddMinutes(9)));
    }

    [Fact]
    public void ThreeWrongTries_EndTheCode_EvenForTheRightOneAfterThem()
    {
        var (digits, code) = OneTimeCode.Issue(Now, TimeSpan.FromMinutes(10));
        var wrong = digits == "000000" ? "000001" : "000000";
        Assert.Equal([CodeVerdict.Wrong, CodeVerdict.Wrong, CodeVerdict.NoTriesLeft, CodeVerdict.NoTriesLeft],
            new[] { code.Check(wrong, Now), code.Check("12", Now), code.Check(wrong, Now), code.Check(digits, Now) });
        Assert.Equal(0, code.TriesLeft);
    }

    [Fact]
    public void ACode_Expires_AndAnExpiredTryUsesNoTry()
    {
        var (digits, code) = OneTimeCode.Issue(Now, TimeSpan.FromMinutes(10));
        Assert.Equal(CodeVerdict.Expired, code.Check(digits, Now.AddMinutes(10)));
        Assert.Equal(OneTimeCode.MaxTries, code.TriesLeft);
    }

    [Fact]
    public void TwoCodes_AreNotTheSame_NorAreTheirSalts()
    {
        var codes = Enumerable.Range(0, 50).Select(_ => OneTimeCode.Issue(Now, TimeSpan.FromMinutes(1))).ToList();
        Assert.True(codes.Select(c => c.Digits).Distinct().Count() > 45);
        Assert.Equal(50, codes.Select(c => c.Kept.Salt).Distinct().Count());
    }

    [Theory]
    [InlineData("Jürgen Müller", 70, "Juergen Mueller")]
    [InlineData("Zoë <b>Façade</b> & Co", 70, "Zoe b Facade /b Co")]
    [InlineData("Ана", 70, "")]
    [InlineData("abcdefghij", 4, "abcd")]
    public void SepaText_KeepsToSepasCharacters(string text, int length, string sepa) => Assert.Equal(sepa, SepaText.Of(text, length));
}
