using CustomerCare.Cases;
using CustomerCare.Localization;

namespace CustomerCare.Bot.Teams;

/// <summary>
/// When no one has taken a case after <c>Agents:WaitMinutes</c> (default 5), the customer is told honestly, the case
/// stays open with its context, and they are invited to leave an e-mail address for a callback.
/// </summary>
public sealed class AgentWaitWatcher(ICaseStore cases, TeamsAgentRelay relay, IConfiguration configuration, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await TellWaitingCustomersAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    public async Task TellWaitingCustomersAsync(CancellationToken cancellationToken)
    {
        var wait = TimeSpan.FromMinutes(configuration.GetValue("Agents:WaitMinutes", 5));
        foreach (var caseFile in await cases.WaitingSinceAsync(clock.GetUtcNow().UtcDateTime - wait, cancellationToken).ConfigureAwait(false))
        {
            if (!await cases.TryMarkWaitNoticeAsync(caseFile.Reference, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }
            var culture = Locales.For(caseFile.Locale);
            await relay.TellCustomerAsync(caseFile, BotText.Format(culture, nameof(Strings.NoAgentFree), caseFile.Reference), null, null, cancellationToken).ConfigureAwait(false);
        }
    }
}
