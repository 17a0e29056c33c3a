using CustomerCare.Bot.Storage;
using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Tests.Storage;

public sealed class LiteDbApprovalStoreTests
{
    private static readonly DateTime Start = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    private static readonly GrantActor Ada = new(ActorKind.Agent, "ada", "Ada Agent", "msteams", "thread");

    private static readonly GrantActor Sam = new(ActorKind.Supervisor, "sam", "Sam Supervisor", "supervisors", "page");

    /// <summary>A request for passenger <paramref name="n"/>, each on a booking of their own and with a name of their own (names are compared by their letters).</summary>
    private static (ApprovalRequest Request, IReadOnlyList<EntitlementClaim> Claims) RequestFor(int n)
    {
        var departure = Start.AddDays(-2);
        var booking = new Booking($"APPR{n:00}", [new Passenger($"APPR{n:00}-1", "Pat", "Person" + (char)('a' + n / 26) + (char)('a' + n % 26), LoyaltyTier.Basic)], [new Segment("CC400", "FRA", "JFK", departure, departure.AddHours(8.5), 640, "EUR")]);
        var who = new PassengerJourney(booking.RecordLocator, booking.Passengers[0], Journey.Of(booking)[0]);
        var remedies = new[] { new GrantedRemedy("override", RemedyKind.Goodwill, 5000m, "EUR", "Agent override") };
        var request = new ApprovalRequest($"A-{n:000000}", $"CC-{n:000000}", who, new GrantSubject(who.Passenger.PassengerId, booking.RecordLocator, "CC400", DateOnly.FromDateTime(departure), DisruptionKind.Delay),
            remedies, [RemedyKind.Compensation, RemedyKind.Care, RemedyKind.Goodwill], "2025.01", "wedding", LoyaltyTier.Basic, "unverified", Ada, Start.AddMinutes(n), new AuthorityVerdict.Above(5000m, "EUR", 1000m));
        return (request, EntitlementClaims.For(who, request.StandsInFor));
    }

    [Fact]
    public async Task TheList_ShowsEveryPendingRequestOldestFirst_ThenOnlyTheNewestDecided()
    {
        using var file = LiteDbFile.Open(":memory:");
        using var writer = new LiteDbWriter(file);
        var store = new LiteDbApprovalStore(file.Database, writer);
        for (var n = 0; n < 60; n++)
        {
            var (request, claims) = RequestFor(n);
            await store.RequestAsync(request, claims, CancellationToken.None);
        }
        // Decided in the order 0, 1, … 54, a minute apart: 55 to 59 stay pending.
        for (var n = 0; n < 55; n++)
        {
            await store.TryDeclineAsync($"A-{n:000000}", Sam, Start.AddHours(1).AddMinutes(n), null, CancellationToken.None);
        }

        var listed = await store.ListAsync(50, CancellationToken.None);

        Assert.Equal(Enumerable.Range(55, 5).Select(n => $"A-{n:000000}"), listed.Take(5).Select(a => a.Id));
        Assert.Equal(Enumerable.Range(5, 50).Reverse().Select(n => $"A-{n:000000}"), listed.Skip(5).Select(a => a.Id));
        Assert.All(listed.Skip(5), a => Assert.Equal(ApprovalStatus.Declined, a.Status));
    }
}
