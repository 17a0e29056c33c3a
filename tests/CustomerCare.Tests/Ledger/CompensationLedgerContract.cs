using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Ledger;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CustomerCare.Tests.Ledger;

/// <summary>What every ledger promises, whichever store keeps it: each test runs against LiteDB and against PostgreSQL.</summary>
public abstract class CompensationLedgerContract : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));

    private ICompensationLedger _ledger = null!;

    /// <summary>Opens the store (for the first time, or again after <see cref="CloseAsync"/>) and a ledger on it.</summary>
    protected abstract Task<ICompensationLedger> OpenAsync(Func<string>? newReference = null);

    /// <summary>Closes the store as a stopping bot would.</summary>
    protected abstract Task CloseAsync();

    public async Task InitializeAsync() => _ledger = await OpenAsync();

    public Task DisposeAsync() => CloseAsync();

    private static PassengerJourney Key(string flight = "LH400", string passenger = "P1", string last = "Sample") =>
        LedgerRequests.Passenger(passengerId: passenger, last: last, flights: LedgerRequests.Flight(flight));

    private static GrantRequest Request(PassengerJourney key, string channel, string actor = "bot", bool confirmed = true, GrantedRemedy? remedy = null, bool voucherConsent = false) =>
        LedgerRequests.Request(key, actor == "bot" ? LedgerRequests.Bot(channel) : LedgerRequests.Agent(actor, channel), confirmed, remedy, voucherConsent);

    [Fact]
    public async Task SixtyFourSimultaneousAttempts_FromTwoChannels_GrantExactlyOnce_EveryRound()
    {
        for (var round = 0; round < 40; round++)
        {
            var key = Key(flight: "LH" + (400 + round), passenger: "P" + round, last: "Sample" + round);
            using var start = new ManualResetEventSlim(false);
            var attempts = Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
            {
                start.Wait();
                return await _ledger.TryGrantAsync(Request(key, i % 2 == 0 ? "directline" : "msteams", i % 2 == 0 ? "bot" : "agent-" + i), CancellationToken.None);
            })).ToArray();
            start.Set();
            var outcomes = await Task.WhenAll(attempts);

            var granted = Assert.Single(outcomes.OfType<GrantOutcome.Granted>());
            Assert.Equal(63, outcomes.OfType<GrantOutcome.AlreadyGranted>().Count());
            Assert.All(outcomes.OfType<GrantOutcome.AlreadyGranted>(), a => Assert.Equal(granted.Entry.Reference, a.Existing.Reference));
        }
        Assert.Equal(40 * 63, await _ledger.RefusedSecondGrantsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SimultaneousAttempts_ForOneJourneyRebookedOntoOtherDays_GrantOnce_EveryRound()
    {
        // The trips share no flight on a date, only the booking's passenger on the route within the rebooking window.
        for (var round = 0; round < 10; round++)
        {
            using var start = new ManualResetEventSlim(false);
            var attempts = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
            {
                var rebooked = LedgerRequests.Passenger(booking: "RB" + round, passengerId: "P1", last: "Rebooked" + round,
                    flights: LedgerRequests.Flight("LH" + (500 + i), departure: LedgerRequests.Departure.AddDays(i % 3)));
                start.Wait();
                return await _ledger.TryGrantAsync(Request(rebooked, "directline"), CancellationToken.None);
            })).ToArray();
            start.Set();
            var outcomes = await Task.WhenAll(attempts);

            Assert.Single(outcomes.OfType<GrantOutcome.Granted>());
            Assert.Equal(23, outcomes.OfType<GrantOutcome.AlreadyGranted>().Count());
        }
    }

    [Fact]
    public async Task AGrantReferenceAlreadyUsed_IsNeverGivenTwice_AndTheGrantIsStillRecorded()
    {
        var references = new Queue<string>(["G-SAME2222", "G-SAME2222", "G-SAME2222", "G-OTHER333"]);
        var ledger = await OpenAsync(references.Dequeue);

        var first = Assert.IsType<GrantOutcome.Granted>(await ledger.TryGrantAsync(Request(Key(passenger: "P1"), "directline"), CancellationToken.None));
        var second = Assert.IsType<GrantOutcome.Granted>(await ledger.TryGrantAsync(Request(Key(passenger: "P2", last: "Other"), "directline"), CancellationToken.None));

        Assert.Equal(("G-SAME2222", "G-OTHER333"), (first.Entry.Reference, second.Entry.Reference));
        Assert.Equal(2, (await ledger.ForBookingAsync("K7QX2M", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task SecondAttempt_FromAnotherChannel_IsToldWhatWhenWhereAndByWhom()
    {
        await _ledger.TryGrantAsync(Request(Key(), "directline"), CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(7));

        var second = await _ledger.TryGrantAsync(Request(Key(flight: "lh 400"), "msteams", "agent-7"), CancellationToken.None);

        var existing = Assert.IsType<GrantOutcome.AlreadyGranted>(second).Existing;
        Assert.Equal(("directline", ActorKind.Bot, 250m), (existing.GrantedBy.Channel, existing.GrantedBy.Kind, existing.Total("EUR")));
        Assert.Equal(new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc), existing.GrantedUtc);
        Assert.Equal("2025.01", existing.PolicyVersion);
        Assert.Equal("EU261 Art. 7(1)(a)", existing.Remedies[0].Rule);
    }

    [Theory]
    [InlineData(false, false, false, GrantRefusal.NotConfirmed)]
    [InlineData(true, true, false, GrantRefusal.VoucherWithoutConsent)]
    [InlineData(true, true, true, null)]
    public async Task Grant_RequiresConfirmation_AndVouchersNeedConsent(bool confirmed, bool voucher, bool consent, GrantRefusal? refusal)
    {
        var remedy = new GrantedRemedy("compensation", RemedyKind.Compensation, 250, "EUR", "EU261 Art. 7(1)(a)", voucher, voucher ? 300 : null);

        var outcome = await _ledger.TryGrantAsync(Request(Key(), "directline", confirmed: confirmed, remedy: remedy, voucherConsent: consent), CancellationToken.None);

        Assert.Equal(refusal, (outcome as GrantOutcome.Refused)?.Reason);
        Assert.Equal(refusal is null, (await _ledger.HoldersAsync(Key(), [RemedyKind.Compensation], DisruptionFamily.Flight, CancellationToken.None)).Count == 1);
    }

    [Fact]
    public async Task VoucherWorthLessThanTheCash_IsRefused()
    {
        var remedy = new GrantedRemedy("compensation", RemedyKind.Compensation, 250, "EUR", "EU261 Art. 7(1)(a)", AsVoucher: true, VoucherValue: 200);

        var outcome = await _ledger.TryGrantAsync(Request(Key(), "directline", remedy: remedy, voucherConsent: true), CancellationToken.None);

        Assert.Equal(GrantRefusal.VoucherWorthLessThanCash, Assert.IsType<GrantOutcome.Refused>(outcome).Reason);
    }

    [Fact]
    public async Task Grant_SurvivesReopeningTheStore_AndIsListedForTheBooking()
    {
        var granted = Assert.IsType<GrantOutcome.Granted>(await _ledger.TryGrantAsync(Request(Key(), "directline"), CancellationToken.None));
        await CloseAsync();

        _ledger = await OpenAsync();

        var listed = Assert.Single(await _ledger.ForBookingAsync("k7qx2m", CancellationToken.None));
        Assert.Equal(granted.Entry.Reference, listed.Reference);
        Assert.IsType<GrantOutcome.AlreadyGranted>(await _ledger.TryGrantAsync(Request(Key(), "msteams", "agent-1"), CancellationToken.None));
    }

    [Fact]
    public async Task SupervisorsRead_TheGrantsAndRefusalsOfAConversation_AndOfATimeRange()
    {
        var history = Assert.IsAssignableFrom<ILedgerHistory>(_ledger);
        var granted = Assert.IsType<GrantOutcome.Granted>(await _ledger.TryGrantAsync(Request(Key(), "directline"), CancellationToken.None));
        Clock.Advance(TimeSpan.FromDays(2));
        await _ledger.TryGrantAsync(Request(Key(), "msteams", "agent-7"), CancellationToken.None);

        var inWebChat = await history.ForConversationAsync("directline", "conv-directline", CancellationToken.None);
        var refusedInTeams = Assert.Single(await history.RefusalsInConversationAsync("msteams", "conv-msteams", CancellationToken.None));
        var firstDay = await history.GrantedAsync(new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc), CancellationToken.None);
        var refusedLater = await history.RefusedGrantReferencesAsync(new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc), DateTime.MaxValue, CancellationToken.None);

        Assert.Equal(granted.Entry.Reference, Assert.Single(inWebChat).Reference);
        Assert.Empty(await history.RefusalsInConversationAsync("directline", "conv-directline", CancellationToken.None));
        Assert.Equal((ActorKind.Agent, "Ada Agent", new DateTime(2026, 11, 25, 9, 30, 0, DateTimeKind.Utc)), (refusedInTeams.ActorKind, refusedInTeams.ActorName, refusedInTeams.AttemptedUtc));
        Assert.StartsWith("Compensation|", refusedInTeams.Entitlement);
        Assert.Equal(granted.Entry.Reference, Assert.Single(firstDay).Reference);
        Assert.Equal([granted.Entry.Reference], refusedLater);
        Assert.Empty(await history.GrantedAsync(DateTime.MinValue, new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc), CancellationToken.None));
    }

    [Fact]
    public async Task ControlCharactersInWhatAPersonWrote_AreGrantedAndReadBack()
    {
        var request = Request(Key(), "msteams", "agent-\0x") with { OverrideReason = "stranded\0 overnight" };

        var granted = Assert.IsType<GrantOutcome.Granted>(await _ledger.TryGrantAsync(request, CancellationToken.None));

        var stored = Assert.Single(await _ledger.ForBookingAsync("K7QX2M", CancellationToken.None));
        Assert.Equal((granted.Entry.Reference, "stranded\0 overnight"), (stored.Reference, stored.OverrideReason));
        Assert.IsType<GrantOutcome.AlreadyGranted>(await _ledger.TryGrantAsync(Request(Key(), "msteams", "agent-\0y"), CancellationToken.None));
    }

    [Fact]
    public async Task BookingsGrants_ReadBeforeAGrant_IncludeItRightAfter_FromEveryChannel()
    {
        Assert.Empty(await _ledger.ForBookingAsync("K7QX2M", CancellationToken.None));

        await _ledger.TryGrantAsync(Request(Key(passenger: "P1"), "directline"), CancellationToken.None);
        var afterFirst = await _ledger.ForBookingAsync("k7qx2m", CancellationToken.None);
        await _ledger.TryGrantAsync(Request(Key(passenger: "P2", last: "Other"), "msteams", "agent-1"), CancellationToken.None);
        var afterSecond = await _ledger.ForBookingAsync("K7QX2M", CancellationToken.None);

        Assert.Single(afterFirst);
        Assert.Equal(["directline", "msteams"], afterSecond.Select(e => e.GrantedBy.Channel).Order());
    }
}

public sealed class LiteDbCompensationLedgerTests : CompensationLedgerContract
{
    private readonly string _path = BotHost.TempDataPath();
    private LiteDbFile? _file;
    private LiteDbWriter? _writer;

    protected override Task<ICompensationLedger> OpenAsync(Func<string>? newReference = null)
    {
        if (_file is null)
        {
            _file = LiteDbFile.Open(_path);
            _writer = new LiteDbWriter(_file);
        }
        return Task.FromResult<ICompensationLedger>(new LiteDbLedger(_file.Database, _writer!, Clock, newReference: newReference));
    }

    protected override Task CloseAsync()
    {
        _writer?.Dispose();
        _file?.Dispose();
        (_writer, _file) = (null, null);
        return Task.CompletedTask;
    }
}

public sealed class PostgreSqlCompensationLedgerTests : CompensationLedgerContract
{
    private string? _connectionString;
    private NpgsqlDataSource? _dataSource;

    protected override async Task<ICompensationLedger> OpenAsync(Func<string>? newReference = null)
    {
        _connectionString ??= await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(PostgreSqlCompensationLedgerTests));
        if (_dataSource is null)
        {
            _dataSource = NpgsqlDataSource.Create(_connectionString);
            await SchemaMigrator.MigrateAsync(_dataSource, CancellationToken.None);
        }
        return new PostgreSqlLedger(_dataSource, Clock, newReference);
    }

    protected override async Task CloseAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
            _dataSource = null;
        }
    }
}
