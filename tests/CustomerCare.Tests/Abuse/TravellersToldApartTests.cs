using CustomerCare.Operations;
using CustomerCare.Remedies;
using static CustomerCare.Tests.Abuse.Trips;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// Guarantee: travellers who share a name on one booking are never paid for, nor shown, each other's remedies: the bot
/// asks which one they are, answers that name nobody identify nobody, and a person helps where even the first names match.
/// </summary>
public sealed class TravellersToldApartTests : AttackTests
{
    /// <summary>DEMO06 has Robin (Gold) and Chris (Basic) Testfall: the bot asks which one, and grants each their own entitlement once.</summary>
    [Fact]
    public async Task GrantedOnce_TravellersSharingALastName_AreToldApartByFirstName_AndNeverPaidForEachOther()
    {
        var (_, chris) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", "Chris", "me", "yes");
        var (_, guess) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", "yes");
        var (_, again) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", "CHRIS", "me", "yes");
        var (_, robin) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", "Robin", "me", "yes");

        Assert.Contains("More than one traveller on booking DEMO06 is called Testfall", chris, StringComparison.Ordinal);
        Assert.Contains("€649.00 in total", chris, StringComparison.Ordinal);
        Assert.Contains("couldn't find booking DEMO06 with the last name yes Testfall", guess, StringComparison.Ordinal);
        Assert.Contains("already granted €649.00", again, StringComparison.Ordinal);
        Assert.Contains("€661.50 in total", robin, StringComparison.Ordinal);
        var grants = await Bot.GrantsOnAsync("DEMO06");
        Assert.Equal(["DEMO06-1", "DEMO06-2"], grants.Select(g => g.Subject.PassengerId).Order());
    }

    /// <summary>"Did I already get something?" on a booking where two travellers share the last name.</summary>
    [Fact]
    public async Task OnlyTheRightPeopleSee_TheStatusQuestion_AsksWhichTravellerSharingTheLastName()
    {
        var (_, granted) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", "Robin", "me", "yes");
        var robins = Assert.Single(await Bot.GrantsOnAsync("DEMO06")).Reference;

        var (_, said) = await Bot.CustomerSaysAsync("en-US", "Did I already get something? Booking DEMO06", "Testfall");
        var (_, chris) = await Bot.CustomerSaysAsync("en-US", "Did I already get something? Booking DEMO06", "Testfall", "Chris");
        var (_, robin) = await Bot.CustomerSaysAsync("en-US", "Did I already get something? Booking DEMO06", "Testfall", "Robin");

        Assert.Contains("More than one traveller on booking DEMO06 is called Testfall", said, StringComparison.Ordinal);
        Assert.DoesNotContain(robins, said + chris, StringComparison.Ordinal);
        Assert.Contains("There is no compensation recorded for booking DEMO06 yet", chris, StringComparison.Ordinal);
        Assert.Contains(robins, robin, StringComparison.Ordinal);
    }

    /// <summary>Father and son ("JOHN MR", "JOHN MSTR") or names that fold alike ("Michael", "Michal") on one booking.</summary>
    [Theory]
    [InlineData("JOHN MR", "JOHN MSTR", "John", "a person will help you")]
    [InlineData("Michael", "Michal", "Michal", "Your reference is G-")]
    public async Task Identify_TwoTravellersWhoseFirstNamesFoldAlike_NeverCrashTheConversation(string first1, string first2, string answer, string outcome)
    {
        await Bot.Operations.SaveAsync([new Booking("TWIN01",
            [new Passenger("TWIN01-1", first1, "Smith", LoyaltyTier.Basic), new Passenger("TWIN01-2", first2, "Smith", LoyaltyTier.Basic)],
            [Seg("CC400", "FRA", "JFK", Nov18, 8.5)])], []);

        var (_, said) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking TWIN01", "Smith", answer, "me", "yes");

        Assert.DoesNotContain("Sorry, something went wrong", said, StringComparison.Ordinal);
        Assert.Contains(outcome, said, StringComparison.Ordinal);
    }

    /// <summary>First-name prompt abuse: titles only, the other traveller's surname, a very long answer.</summary>
    [Theory]
    [InlineData("MR")]
    [InlineData("Dr.")]
    [InlineData("Testfall")]
    [InlineData("Robin Chris")]
    public async Task Refused_FirstNameAnswersThatNameNobody_IdentifyNobody(string answer)
    {
        var (_, said) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", answer, "yes");

        Assert.DoesNotContain("Sorry, something went wrong", said, StringComparison.Ordinal);
        Assert.Empty(await Bot.GrantsOnAsync("DEMO06"));
    }

    [Fact]
    public async Task Refused_AVeryLongFirstNameAnswer_DoesNotBreakTheConversation()
    {
        var (_, said) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", string.Concat(Enumerable.Repeat("Robin ", 3000)), "yes");

        Assert.DoesNotContain("Sorry, something went wrong", said, StringComparison.Ordinal);
        Assert.Empty(await Bot.GrantsOnAsync("DEMO06"));
    }
}
