using System.Security.Claims;
using CustomerCare.Diagnostics;
using CustomerCare.Schema;
using ActivityStatusCode = System.Diagnostics.ActivityStatusCode;

namespace CustomerCare.Builder;

/// <summary>
/// Runs one turn: builds the context, passes it through the middleware to the bot, applies the error
/// policy when the turn throws, and hands back the invoke response (501 for an unanswered invoke). Each turn is a
/// span (the parent of the turn's recognizer, dialog, state and send spans) and is counted with its latency.
/// </summary>
public sealed class BotAdapter(
    IBot bot,
    IEnumerable<IMiddleware> middleware,
    ITurnErrorHandler errorHandler,
    IConversationLocks locks,
    TimeProvider clock,
    CustomerCareMetrics? metrics = null)
{
    private readonly MiddlewareSet _middleware = new(middleware);

    /// <param name="identity">Who delivered the activity (see <see cref="ChannelIdentity"/>); anonymous when not given.</param>
    public async Task<InvokeResponse?> ProcessActivityAsync(Activity activity, IConnectorClient connector, CancellationToken cancellationToken, ClaimsIdentity? identity = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        _ = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        var turn = new TurnContext(activity, connector, clock);
        turn.Services.Set(identity ?? ChannelIdentity.Anonymous);
        var (channel, type) = (TelemetryTags.ChannelOf(activity.ChannelId), TelemetryTags.TypeOf(activity));
        using var span = CustomerCareTelemetry.Source.StartActivity(SpanNames.Turn);
        span?.SetTag(TelemetryTags.Channel, channel).SetTag(TelemetryTags.ActivityType, type);
        var started = clock.GetTimestamp();
        var outcome = "failed";
        try
        {
            var turnOfItsOwn = await locks.AcquireForTurnAsync(activity, cancellationToken).ConfigureAwait(false);
            await using (turnOfItsOwn.ConfigureAwait(false))
            {
                try
                {
                    await _middleware.RunAsync(turn, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
                    outcome = "completed";
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // The exception's type only: its message may hold what the customer wrote or an id.
                    span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
                    outcome = "error_handled";
                    await errorHandler.OnTurnErrorAsync(turn, ex, cancellationToken).ConfigureAwait(false);
                    if (activity.IsType(ActivityTypes.Invoke))
                    {
                        turn.InvokeResponse ??= new InvokeResponse(500);
                    }
                }
            }
        }
        finally
        {
            span?.SetTag(TelemetryTags.Outcome, outcome);
            metrics?.TurnCompleted(channel, type, outcome, clock.GetElapsedTime(started));
        }

        if (activity.IsType(ActivityTypes.Invoke))
        {
            return turn.InvokeResponse ?? new InvokeResponse(501);
        }
        return null;
    }
}
