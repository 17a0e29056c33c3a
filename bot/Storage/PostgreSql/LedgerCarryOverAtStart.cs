using CustomerCare.Ledger;
using CustomerCare.Payouts;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// When the bot moves from its data file's ledger to PostgreSQL, what the data file granted comes along before the
/// bot serves anyone, so none of it can be granted again: every start carries over what is not there yet. The
/// grants' payout instructions come along with them, where they stood, so every carried grant is still paid once.
/// </summary>
/// <param name="dataFilePayouts">The data file's payout instructions, with their states.</param>
public sealed partial class LedgerCarryOverAtStart(NpgsqlDataSource dataSource, Func<CarriedLedger> dataFileLedger, ILogger<LedgerCarryOverAtStart> logger,
    Func<IReadOnlyList<PayoutState>>? dataFilePayouts = null) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var ledger = dataFileLedger();
        if (ledger.Grants.Count == 0 && ledger.Refusals.Count == 0)
        {
            return;
        }
        var result = await LedgerCarryOver.CarryOverAsync(dataSource, ledger, cancellationToken).ConfigureAwait(false);
        if (dataFilePayouts?.Invoke() is { Count: > 0 } payouts
            && await PostgreSqlPayoutStore.CarryOverAsync(dataSource, payouts, cancellationToken).ConfigureAwait(false) is > 0 and var carried)
        {
            LogPayoutsCarried(logger, carried);
        }
        if (result.GrantsAdded + result.RefusalsAdded > 0)
        {
            LogCarried(logger, result.GrantsAdded, result.RefusalsAdded);
        }
        if (result.HeldTwice.Count > 0)
        {
            LogHeldTwice(logger, result.HeldTwice.Count, string.Join(", ", result.HeldTwice));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Carried {Grants} grants and {Refusals} refused attempts from the data file's ledger over to PostgreSQL")]
    private static partial void LogCarried(ILogger logger, int grants, int refusals);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Carried {Count} payout instructions from the data file over to PostgreSQL")]
    private static partial void LogPayoutsCarried(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} grants of the data file were for entitlements PostgreSQL already held under another grant (granted twice before the move): {References}")]
    private static partial void LogHeldTwice(ILogger logger, int count, string references);
}
