using CustomerCare.Operations;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Travellers;

/// <summary>A downgrade claimed for everyone on a booking: each passenger's cabin is their own, as departure control recorded it.</summary>
public sealed class FamilyDowngradeTests
{
    [Fact]
    public async Task ADowngradeForEveryone_PaysOnlyThePassengersTheCabinRecordsShowDowngraded_AndSaysSoForTheOthers()
    {
        using var conversation = new TestConversation();
        var family = (await conversation.Operations.FindBookingAsync("DEMO08", CancellationToken.None))!;
        await conversation.Operations.SaveAsync([family with { Cabins = [new CabinRecord("DEMO08-2", "CC330", new DateOnly(2026, 11, 24), Cabin.Business, Cabin.Economy)] }], []);

        await conversation.SayAsync("We were downgraded, booking DEMO08");
        await conversation.SayAsync("Sommer");
        await conversation.SayAsync("Anna");
        var offer = await conversation.SayAsync("everyone");
        await conversation.SayAsync("yes");

        Assert.Contains("Anna Sommer: flew the cabin booked", offer, StringComparison.Ordinal);
        Assert.Contains("Ben Sommer:", offer, StringComparison.Ordinal);
        var grant = Assert.Single(await conversation.Ledger.ForBookingAsync("DEMO08", CancellationToken.None));
        Assert.Equal(("DEMO08-2", "Anna Sommer"), (grant.Subject.PassengerId, grant.Subject.ClaimedBy));
        Assert.Contains(grant.Remedies, r => r.Kind == RemedyKind.DowngradeRefund && r.Rule == "EU261 Art. 10(2)(a)");
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    public void EveryKindOfRemedy_HasANameInEachLanguage(string culture)
        => Assert.All(Enum.GetValues<RemedyKind>(), kind => Assert.DoesNotContain("RemedyKind.", CustomerCare.Localization.DataNames.Remedy(kind, new System.Globalization.CultureInfo(culture)), StringComparison.Ordinal));
}
