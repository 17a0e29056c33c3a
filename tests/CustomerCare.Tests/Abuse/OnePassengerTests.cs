using CustomerCare.Bot.Operations;
using CustomerCare.Operations;
using CustomerCare.Remedies;
using static CustomerCare.Tests.Abuse.Trips;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// Guarantee: one person is paid once for a journey however the data names them — a reissued ticket, a corrected
/// first name, a new passenger id, a second booking with the name spelled another way — while two different people
/// whose names only look alike are each paid their own.
/// </summary>
public sealed class OnePassengerTests : AttackTests
{
    /// <summary>The same passenger (same record locator, passenger id and name) whose e-ticket was reissued after the disruption, as after a rebooking.</summary>
    [Fact]
    public async Task GrantedOnce_ATicketReissuedOnTheSameBooking_IsStillTheSamePassenger()
    {
        await Bot.Operations.SaveAsync([new Booking("REISS1", [new Passenger("REISS1-1", "Rita", "Reissue", LoyaltyTier.Basic, TicketNumber: "220-1000000001")], [Cc400()])], []);
        var (_, first) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking REISS1", "Reissue", "yes");
        Assert.Contains("Your reference is G-", first, StringComparison.Ordinal);

        // Nightly import: the same booking, the same passenger id, the ticket exchanged.
        await Bot.Operations.SaveAsync([new Booking("REISS1", [new Passenger("REISS1-1", "Rita", "Reissue", LoyaltyTier.Basic, TicketNumber: "220-1000000002")], [Cc400()])], []);
        var (_, second) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking REISS1", "Reissue", "yes");

        Assert.Single(await Bot.GrantsOnAsync("REISS1"));
        Assert.Contains("already granted", second, StringComparison.Ordinal);
    }

    /// <summary>A corrected first name on the same booking and passenger id (a typo fixed in an import).</summary>
    [Fact]
    public async Task GrantedOnce_AFirstNameCorrectedOnTheSameBooking_IsStillTheSamePassenger()
    {
        var (_, first) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO01", "Sample", "yes");
        Assert.Contains("Your reference is G-", first, StringComparison.Ordinal);

        await Bot.Operations.SaveAsync([new Booking("DEMO01", [new Passenger("DEMO01-1", "Alexander", "Sample", LoyaltyTier.Basic)], [Cc400()])], []);
        var (_, second) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO01", "Sample", "yes");

        Assert.Single(await Bot.GrantsOnAsync("DEMO01"));
        Assert.Contains("already granted", second, StringComparison.Ordinal);
    }

    /// <summary>A new passenger id alone (no ticket), or with the same ticket: the name or ticket claim still holds.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData("220-6000000001")]
    public async Task Refused_ANewPassengerIdWithTheSameNameOrTicket(string? ticket)
    {
        await Bot.Operations.SaveAsync([new Booking("REID02", [new Passenger("REID02-1", "Ron", "Reid", LoyaltyTier.Basic, TicketNumber: ticket)], [Seg("CC400", "FRA", "JFK", Nov18, 8.5)])], []);
        await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking REID02", "Reid", "yes");
        await Bot.Operations.SaveAsync([new Booking("REID02", [new Passenger("REID02-9", "Ron", "Reid", LoyaltyTier.Basic, TicketNumber: ticket)], [Seg("CC400", "FRA", "JFK", Nov18, 8.5)])], []);

        var (_, second) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking REID02", "Reid", "yes");

        Assert.Contains("already granted", second, StringComparison.Ordinal);
        Assert.Single(await Bot.GrantsOnAsync("REID02"));
    }

    /// <summary>
    /// The same person on a second booking of the same flight, spelled the way airline systems transliterate names
    /// (ASCII only, ø→O, ł→L, æ→AE, a title after the first name), or with look-alike or full-width letters.
    /// </summary>
    [Theory]
    [InlineData("Lars", "Sørensen", "LARS", "SORENSEN")]
    [InlineData("Lars", "Sørensen", "Lars", "Soerensen")]
    [InlineData("Lech", "Wałęsa", "LECH", "WALESA")]
    [InlineData("Ægir", "Dæhlie", "AEGIR", "DAEHLIE")]
    [InlineData("Alex", "Quinn", "ALEX MR", "QUINN")]
    [InlineData("Ayşe", "Yıldız", "AYSE", "YILDIZ")]
    [InlineData("Alex", "Sample", "Аlex", "Sample")] // Cyrillic А in the second booking's data
    [InlineData("Alex", "Ｓample", "Alex", "Sample")] // fullwidth Ｓ in the first booking's data
    public async Task GrantedOnce_TheSamePersonOnTwoBookingsOfOneFlight_HoweverTheNameIsSpelled(string first1, string last1, string first2, string last2)
    {
        await Bot.Operations.SaveAsync(
        [
            new Booking("NAMEA1", [new Passenger("NAMEA1-1", first1, last1, LoyaltyTier.Basic)], [Cc400()]),
            new Booking("NAMEB1", [new Passenger("NAMEB1-1", first2, last2, LoyaltyTier.Basic)], [Cc400()]),
        ], []);

        var (_, a) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking NAMEA1", last1, "yes");
        var (_, b) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking NAMEB1", last2, "yes");

        Assert.Contains("Your reference is G-", a, StringComparison.Ordinal);
        Assert.Single(await Bot.GrantsOnAsync("NAMEA1", "NAMEB1"));
    }

    /// <summary>Umlaut spellings, ß, hyphens, accents and invisible characters.</summary>
    [Theory]
    [InlineData("Jörg", "Müller", "JOERG", "MUELLER")]
    [InlineData("Jürgen", "Müller", "JUERGEN", "MULLER")]
    [InlineData("Jürgen", "Müller", "JURGEN", "MUELLER")]
    [InlineData("Anna-Lena", "Groß", "ANNA LENA", "GROSS")]
    [InlineData("José", "Núñez", "JOSE", "NUNEZ")]
    [InlineData("Alex", "Sam\u200Bple", "Alex", "Sample")]
    public async Task GrantedOnce_TheSamePersonOnTwoBookings_WithFoldedSpellings(string first1, string last1, string first2, string last2)
    {
        await Bot.Operations.SaveAsync(
        [
            new Booking("FOLDA1", [new Passenger("FOLDA1-1", first1, last1, LoyaltyTier.Basic)], [Cc400()]),
            new Booking("FOLDB1", [new Passenger("FOLDB1-1", first2, last2, LoyaltyTier.Basic)], [Cc400()]),
        ], []);

        await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking FOLDA1", last1, "yes");
        var (_, b) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking FOLDB1", last2, "yes");

        Assert.Single(await Bot.GrantsOnAsync("FOLDA1", "FOLDB1"));
        Assert.Contains("already granted", b, StringComparison.Ordinal);
    }

    /// <summary>Michael Novak and Michal Novak are two people on two bookings of one flight (no ticket numbers in the data).</summary>
    [Fact]
    public async Task GrantedOnce_TwoDifferentPeopleWhoseNamesOnlyFoldAlike_AreEachPaidTheirOwn()
    {
        await Bot.Operations.SaveAsync(
        [
            new Booking("MICH01", [new Passenger("MICH01-1", "Michael", "Novak", LoyaltyTier.Basic)], [Seg("CC400", "FRA", "JFK", Nov18, 8.5)]),
            new Booking("MICH02", [new Passenger("MICH02-1", "Michal", "Novak", LoyaltyTier.Basic)], [Seg("CC400", "FRA", "JFK", Nov18, 8.5)]),
        ], []);

        var (_, a) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking MICH01", "Novak", "yes");
        var (_, b) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking MICH02", "Novak", "yes");

        Assert.Contains("Your reference is G-", a, StringComparison.Ordinal);
        Assert.Contains("Your reference is G-", b, StringComparison.Ordinal);
        Assert.Single(await Bot.GrantsOnAsync("MICH02"));
    }

    /// <summary>A passenger without a first name is refused by the import; one already stored is still assessed without an error.</summary>
    [Fact]
    public async Task APassengerWithoutAFirstName_IsRefusedByTheImport_AndDoesNotBreakTheGrantPath()
    {
        var problems = OperationsValidator.Check(new Booking("NOFN01", [new Passenger("NOFN01-1", "", "Nofirst", LoyaltyTier.Basic)], [Cc400()]), CustomerCare.Airports.AirportDirectory.Embedded);
        var mixed = OperationsValidator.Check(new Booking("MIXD01", [new Passenger("MIXD01-1", "Аlex", "Sample", LoyaltyTier.Basic)], [Cc400()]), CustomerCare.Airports.AirportDirectory.Embedded);
        await Bot.Operations.SaveAsync([new Booking("NOFN01", [new Passenger("NOFN01-1", null!, "Nofirst", LoyaltyTier.Basic)], [Cc400()])], []);

        var (_, said) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking NOFN01", "Nofirst", "yes");

        Assert.Contains("every passenger needs passengerId, firstName and lastName", problems);
        Assert.Contains("the name of passenger 'MIXD01-1' mixes Latin letters with Cyrillic or Greek ones", mixed);
        Assert.Contains("Your reference is G-", said, StringComparison.Ordinal);
    }
}
