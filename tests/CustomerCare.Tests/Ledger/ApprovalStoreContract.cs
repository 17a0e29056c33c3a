using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;
using Npgsql;

namespace CustomerCare.Tests.Ledger;

/// <summary>What every approval store promises with its ledger, whichever store keeps them: each test runs against LiteDB and against PostgreSQL.</summary>
public abstract class ApprovalStoreContract : IAsyncLifetime
{
    private IApprovalStore _store = null!;
    private ICompensationLedger _ledger = null!;

    /// <summary>An approval store and the ledger that decides its approvals, on one store.</summary>
    protected abstract Task<(IApprovalStore Approvals, ICompensationLedger Ledger)> OpenAsync();

    public abstract Task DisposeAsync();

    public async Task InitializeAsync() => (_store, _ledger) = await OpenAsync();

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
        var store = _store;
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

    [Fact]
    public async Task SimultaneousRequests_ForOnePassengersEntitlement_LeaveOnePending()
    {
        var (request, claims) = RequestFor(70);
        using var start = new ManualResetEventSlim(false);
        var asked = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await _store.RequestAsync(request with { Id = $"A-RACE{i:00}" }, claims, CancellationToken.None);
        })).ToArray();
        start.Set();
        var requests = await Task.WhenAll(asked);

        var id = Assert.Single(requests.Select(r => r.Id).Distinct());
        Assert.Equal(id, Assert.Single(await _store.ListAsync(10, CancellationToken.None), a => a.Who.Passenger.LastName == request.Who.Passenger.LastName).Id);
    }

    [Fact]
    public async Task AnApprovalAndADecline_AtTheSameMoment_DecideTheRequestOnce_EveryRound()
    {
        for (var round = 0; round < 20; round++)
        {
            var (request, claims) = RequestFor(100 + round);
            var stored = await _store.RequestAsync(request, claims, CancellationToken.None);
            using var start = new ManualResetEventSlim(false);
            var approve = Task.Run(async () =>
            {
                start.Wait();
                return await _ledger.TryGrantAsync(stored.ToGrant(Sam, Start.AddHours(2)), CancellationToken.None);
            });
            var decline = Task.Run(async () =>
            {
                start.Wait();
                return await _store.TryDeclineAsync(stored.Id, Sam with { Id = "sue", Name = "Sue Supervisor" }, Start.AddHours(2), "no", CancellationToken.None);
            });
            start.Set();
            var (granted, declined) = (await approve, await decline);

            var decided = (await _store.FindAsync(stored.Id, CancellationToken.None))!;
            if (granted is GrantOutcome.Granted grant)
            {
                Assert.IsType<ApprovalTransition.AlreadyDecided>(declined);
                Assert.Equal((ApprovalStatus.Approved, grant.Entry.Reference), (decided.Status, decided.GrantReference));
            }
            else
            {
                Assert.Equal(GrantRefusal.AlreadyDecided, Assert.IsType<GrantOutcome.Refused>(granted).Reason);
                Assert.IsType<ApprovalTransition.Decided>(declined);
                Assert.Equal(ApprovalStatus.Declined, decided.Status);
                Assert.Empty(await _ledger.ForBookingAsync(request.Who.BookingReference, CancellationToken.None));
            }
        }
    }

    [Fact]
    public async Task AnApprovedRequest_ApprovedAgain_IsRefused_AndGrantedOnce()
    {
        var (request, claims) = RequestFor(90);
        var stored = await _store.RequestAsync(request, claims, CancellationToken.None);

        var first = await _ledger.TryGrantAsync(stored.ToGrant(Sam, Start.AddHours(2)), CancellationToken.None);
        var second = await _ledger.TryGrantAsync(stored.ToGrant(Sam with { Id = "sue" }, Start.AddHours(3)), CancellationToken.None);

        Assert.IsType<GrantOutcome.Granted>(first);
        Assert.Equal(GrantRefusal.AlreadyDecided, Assert.IsType<GrantOutcome.Refused>(second).Reason);
        Assert.Single(await _ledger.ForBookingAsync(request.Who.BookingReference, CancellationToken.None));
        Assert.IsType<GrantOutcome.Refused>(await _ledger.TryGrantAsync(stored.ToGrant(Sam, Start) with { Approval = stored.ToGrant(Sam, Start).Approval! with { ApprovalId = "A-NONE" } }, CancellationToken.None));
    }
}

public sealed class LiteDbApprovalStoreTests : ApprovalStoreContract
{
    private readonly LiteDbFile _file = LiteDbFile.Open(":memory:");
    private LiteDbWriter? _writer;

    protected override Task<(IApprovalStore Approvals, ICompensationLedger Ledger)> OpenAsync()
    {
        _writer = new LiteDbWriter(_file);
        return Task.FromResult<(IApprovalStore, ICompensationLedger)>((new LiteDbApprovalStore(_file.Database, _writer), new LiteDbLedger(_file.Database, _writer, TimeProvider.System)));
    }

    public override Task DisposeAsync()
    {
        _writer?.Dispose();
        _file.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PostgreSqlApprovalStoreTests : ApprovalStoreContract
{
    private NpgsqlDataSource? _dataSource;

    protected override async Task<(IApprovalStore Approvals, ICompensationLedger Ledger)> OpenAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(PostgreSqlApprovalStoreTests)));
        await SchemaMigrator.MigrateAsync(_dataSource, CancellationToken.None);
        return (new PostgreSqlApprovalStore(_dataSource), new PostgreSqlLedger(_dataSource, TimeProvider.System));
    }

    public override async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
