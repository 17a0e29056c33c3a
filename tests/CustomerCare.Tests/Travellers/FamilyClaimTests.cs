using CustomerCare.Operations;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Travellers;

/// <summary>
/// DEMO08: Anna, Ben, Mia and Leo Sommer on CC330 FRA→BCN, 3 h 40 min late for a technical fault (1,094 km: €250 each
/// under EU261). Leo, an infant, travelled free of charge: outside EU261 (Art. 3(3)).
/// </summary>
public sealed class FamilyClaimTests
{
    private static readonly string[] Sommers = ["Anna Sommer", "Ben Sommer", "Mia Sommer", "Leo Sommer"];

    [Fact]
    public async Task AClaimForEveryone_GrantsEachPassengerTheirOwn_WithAReferenceEach_AndLeavesOutTheFreeTicket()
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync("My flight was delayed, booking DEMO08");
        var asked = await conversation.SayAsync("Sommer");
        Assert.Contains("More than one traveller on booking DEMO08 is called Sommer", asked, StringComparison.Ordinal);
        var whoFor = await conversation.SayAsync("Anna");
        Assert.Contains("Who is this claim for: everyone on booking DEMO08 (Anna Sommer, Ben Sommer, Mia Sommer, Leo Sommer)", whoFor, StringComparison.Ordinal);

        var offer = await conversation.SayAsync("everyone");
        Assert.Contains("• Anna Sommer: €250.00 compensation (EU261 Art. 7(1)(a))", offer, StringComparison.Ordinal);
        Assert.Contains("• Ben Sommer: €250.00 compensation", offer, StringComparison.Ordinal);
        Assert.Contains("• Mia Sommer: €250.00 compensation", offer, StringComparison.Ordinal);
        Assert.Contains("• Leo Sommer: nothing under EU261 Art. 3(3)", offer, StringComparison.Ordinal);
        Assert.Contains("Shall I grant this now for 3 travellers", offer, StringComparison.Ordinal);

        var done = await conversation.SayAsync("yes");
        Assert.Contains("Done. Granted for each traveller:", done, StringComparison.Ordinal);
        var entries = await conversation.Ledger.ForBookingAsync("DEMO08", CancellationToken.None);
        Assert.Equal(["DEMO08-1", "DEMO08-2", "DEMO08-3"], entries.Select(e => e.Subject.PassengerId).Order().ToArray());
        Assert.All(entries, e => Assert.Contains(e.Reference, done, StringComparison.Ordinal));
        Assert.Equal(["-", "Anna Sommer", "Anna Sommer"], entries.OrderBy(e => e.Subject.PassengerId).Select(e => e.Subject.ClaimedBy ?? "-").ToArray());
        Assert.Contains("Granted now: €903.25", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClaimForOneNamedTraveller_GrantsThatTravellerAlone_RecordingWhoClaimed()
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync("My flight was delayed, booking DEMO08");
        await conversation.SayAsync("Sommer");
        await conversation.SayAsync("Anna");
        var offer = await conversation.SayAsync("just Ben");
        Assert.Contains("• Ben Sommer: €250.00 compensation", offer, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna Sommer:", offer, StringComparison.Ordinal);
        Assert.Contains("for 1 travellers", offer, StringComparison.Ordinal);

        await conversation.SayAsync("yes");
        var entry = Assert.Single(await conversation.Ledger.ForBookingAsync("DEMO08", CancellationToken.None));
        Assert.Equal("DEMO08-2", entry.Subject.PassengerId);
        Assert.Equal("Anna Sommer", entry.Subject.ClaimedBy);
    }

    [Fact]
    public async Task InGerman_AClaimForEveryone_GrantsEachPassenger()
    {
        using var conversation = new TestConversation("de-DE");
        await conversation.SayAsync("Mein Flug hatte Verspätung, Buchung DEMO08");
        await conversation.SayAsync("Sommer");
        Assert.Contains("Für wen ist dieser Antrag", await conversation.SayAsync("Anna"), StringComparison.Ordinal);
        var offer = await conversation.SayAsync("alle");
        Assert.Contains("• Leo Sommer: nichts nach EU261 Art. 3(3)", offer, StringComparison.Ordinal);
        Assert.Contains("Soll ich das jetzt für 3 Reisende gewähren", offer, StringComparison.Ordinal);
        var done = await conversation.SayAsync("ja");
        Assert.Contains("Erledigt. Gewährt für jeden Reisenden:", done, StringComparison.Ordinal);
        Assert.Equal(3, (await conversation.Ledger.ForBookingAsync("DEMO08", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ASecondClaimForEveryone_ShowsThePassengerAlreadyPaid_AndGrantsOnlyTheOthers()
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync("My flight was delayed, booking DEMO08");
        await conversation.SayAsync("Sommer");
        await conversation.SayAsync("Ben");
        await conversation.SayAsync("me");
        await conversation.SayAsync("yes");
        var bens = Assert.Single(await conversation.Ledger.ForBookingAsync("DEMO08", CancellationToken.None));

        await conversation.SayAsync("My flight was delayed, booking DEMO08");
        await conversation.SayAsync("Sommer");
        await conversation.SayAsync("Mia");
        var offer = await conversation.SayAsync("everyone");
        Assert.Contains("• Ben Sommer: already granted €299.00 on 11/23/2026 (reference " + bens.Reference + ")", offer, StringComparison.Ordinal);
        Assert.Contains("for 2 travellers", offer, StringComparison.Ordinal);
        await conversation.SayAsync("yes");

        var entries = await conversation.Ledger.ForBookingAsync("DEMO08", CancellationToken.None);
        Assert.Equal(["DEMO08-1", "DEMO08-2", "DEMO08-3"], entries.Select(e => e.Subject.PassengerId).Order().ToArray());
    }

    [Fact]
    public async Task ATravellerWhoseTicketWasFree_ClaimingForThemselves_IsToldWhyNothingIsDue()
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync("My flight was delayed, booking DEMO08");
        await conversation.SayAsync("Sommer");
        await conversation.SayAsync("Leo");
        var reply = await conversation.SayAsync("only me");
        Assert.Contains("free of charge or at a fare not available to the public, so EU261 Art. 3(3) does not cover this journey", reply, StringComparison.Ordinal);
        Assert.Empty(await conversation.Ledger.ForBookingAsync("DEMO08", CancellationToken.None));
    }

    [Fact]
    public async Task AnAnswerThatNamesNobody_IsAskedAgain_AndThreeHandOver()
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync("My flight was delayed, booking DEMO08");
        await conversation.SayAsync("Sommer");
        await conversation.SayAsync("Anna");
        Assert.Contains("Please say \"everyone\"", await conversation.SayAsync("my neighbour Carla"), StringComparison.Ordinal);
        await conversation.SayAsync("Alex Sample");
        Assert.Contains("a person", await conversation.SayAsync("whoever"), StringComparison.Ordinal);
        Assert.Empty(await conversation.Ledger.ForBookingAsync("DEMO08", CancellationToken.None));
    }

    [Fact]
    public async Task ForEveryoneUnderAVoucherPolicy_OneChoiceIsShown_AndEachPassengerGetsTheirOwnVoucher()
    {
        using var conversation = new TestConversation();
        var dec1 = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
        await conversation.Operations.SaveAsync(
            [new Booking("FAMV01", [new Passenger("FAMV01-1", "Ines", "Gutschein", LoyaltyTier.Basic), new Passenger("FAMV01-2", "Olaf", "Gutschein", LoyaltyTier.Basic)],
                [new Segment("CC219", "FRA", "LIS", dec1, dec1.AddHours(3), 210, "EUR")])],
            [new FlightOperation("CC219", DateOnly.FromDateTime(dec1), "FRA", "LIS", dec1, dec1.AddHours(3), dec1.AddHours(3.67), dec1.AddHours(6.67), false, null, null, null, "TECHNICAL", false, EuCarrier: true)]);
        await conversation.SayAsync("My flight CC219 was delayed, booking FAMV01");
        await conversation.SayAsync("Gutschein");
        await conversation.SayAsync("Ines");
        var offer = await conversation.SayAsync("both of us");
        Assert.Contains("• Olaf Gutschein: €400.00 compensation", offer, StringComparison.Ordinal);
        Assert.Contains("€1,040.00", offer, StringComparison.Ordinal);

        var done = await conversation.SayAsync("Voucher");
        var entries = await conversation.Ledger.ForBookingAsync("FAMV01", CancellationToken.None);
        Assert.Equal(2, entries.Count);
        var vouchers = entries.SelectMany(e => e.Remedies).Where(r => r.AsVoucher).ToList();
        Assert.Equal(2, vouchers.Select(v => v.VoucherCode).Distinct().Count());
        Assert.All(vouchers, v => Assert.Equal(520m, v.VoucherValue));
        Assert.All(vouchers, v => Assert.Contains(v.VoucherCode!, done, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.True(e.Choice is { Voucher: true }));
    }

    [Fact]
    public async Task WhenOnePassengersPartNeedsAPerson_NothingIsGranted_AndTheCaseListsEachPassenger()
    {
        using var conversation = new TestConversation();
        var departure = new DateTime(2026, 11, 21, 14, 0, 0, DateTimeKind.Utc);
        await conversation.Operations.SaveAsync(
            [new Booking("FAMD01", [new Passenger("FAMD01-1", "Pat", "Overbook", LoyaltyTier.Basic), new Passenger("FAMD01-2", "Sky", "Overbook", LoyaltyTier.Basic)],
                [new Segment("CC31", "JFK", "LAX", departure, departure.AddHours(6).AddMinutes(10), 420, "USD")])],
            []);
        await conversation.SayAsync("I was denied boarding, booking FAMD01");
        await conversation.SayAsync("Overbook");
        await conversation.SayAsync("Pat");
        var reply = await conversation.SayAsync("everyone");

        Assert.Contains("needs a person's approval", reply, StringComparison.Ordinal);
        Assert.Empty(await conversation.Ledger.ForBookingAsync("FAMD01", CancellationToken.None));
        var opened = Assert.Single(await conversation.Cases.ListOpenAsync(CancellationToken.None));
        Assert.Contains("• Pat Overbook: $1,680.00 compensation", opened.Summary, StringComparison.Ordinal);
        Assert.Contains("• Sky Overbook: $1,680.00 compensation", opened.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "everyone except Ben")]
    [InlineData("en-US", "all of us but not Ben")]
    [InlineData("en-US", "Ben and Mia, not me")]
    [InlineData("de-DE", "alle außer Ben")]
    [InlineData("de-DE", "Ben und Mia, nicht für mich")]
    public async Task AnAnswerThatLeavesSomeoneOut_IsAskedAgain_NeverGuessed(string locale, string answer)
    {
        using var conversation = new TestConversation(locale);
        await conversation.SayAsync(locale == "de-DE" ? "Mein Flug hatte Verspätung, Buchung DEMO08" : "My flight was delayed, booking DEMO08");
        await conversation.SayAsync("Sommer");
        await conversation.SayAsync("Anna");
        var reply = await conversation.SayAsync(answer);

        Assert.DoesNotContain("Sommer:", reply, StringComparison.Ordinal);
        Assert.Contains(locale == "de-DE" ? "Bitte sagen Sie „alle“" : "Please say \"everyone\"", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("both Ben and Mia", "Ben Sommer,Mia Sommer")]
    [InlineData("Just Ben, that's all", "Ben Sommer")]
    [InlineData("Ben und Mia beide", "Ben Sommer,Mia Sommer")]
    public async Task NamesSaid_WinOverWordsForEveryone(string answer, string expected)
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync("My flight was delayed, booking DEMO08");
        await conversation.SayAsync("Sommer");
        await conversation.SayAsync("Anna");
        var offer = await conversation.SayAsync(answer);

        var offered = Sommers.Where(n => offer.Contains("• " + n + ":", StringComparison.Ordinal));
        Assert.Equal(expected, string.Join(",", offered));
    }

    [Theory]
    [InlineData("Anna-Lena", "Sommer", "Ben", "just Anna", "Anna Sommer")]
    [InlineData("Carl", "Sommer-Berg", "Anna", "Ben Sommer", "Ben Sommer")]
    public async Task APartOfAHyphenatedName_DoesNotNameThatTraveller(string first, string last, string claimant, string answer, string expected)
    {
        using var conversation = new TestConversation();
        var departure = new DateTime(2026, 11, 24, 7, 30, 0, DateTimeKind.Utc);
        await conversation.Operations.SaveAsync(
            [new Booking("HYPH01", [new Passenger("HYPH01-1", "Anna", "Sommer", LoyaltyTier.Basic), new Passenger("HYPH01-2", "Ben", "Sommer", LoyaltyTier.Basic), new Passenger("HYPH01-3", first, last, LoyaltyTier.Basic)],
                [new Segment("CC330", "FRA", "BCN", departure, departure.AddMinutes(130), 140, "EUR")])],
            []);
        await conversation.SayAsync("My flight was delayed, booking HYPH01");
        await conversation.SayAsync("Sommer");
        await conversation.SayAsync(claimant);
        var offer = await conversation.SayAsync(answer);

        Assert.Contains("• " + expected + ":", offer, StringComparison.Ordinal);
        Assert.DoesNotContain("• " + first + " " + last + ":", offer, StringComparison.Ordinal);
    }
}
