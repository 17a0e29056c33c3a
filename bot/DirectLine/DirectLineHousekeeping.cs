namespace CustomerCare.Bot.DirectLine;

/// <summary>Every few minutes, lets idle conversations leave memory.</summary>
public sealed class DirectLineHousekeeping(DirectLineConversations conversations, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            conversations.EvictIdle();
        }
    }
}
