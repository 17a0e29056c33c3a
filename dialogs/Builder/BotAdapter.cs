using System.Security.Claims;
using CustomerCare.Schema;

namespace CustomerCare.Builder;

/// <summary>
/// Runs one turn: builds the context, passes it through the middleware to the bot, applies the error
/// policy when the turn throws, and hands back the invoke response (501 for an unanswered invoke).
/// </summary>
public sealed class BotAdapter(
    IBot bot,
    IEnumerable<IMiddleware> middleware,
    ITurnErrorHandler errorHandler,
    IConversationLocks locks,
    TimeProvider clock)
{
    private readonly MiddlewareSet _middleware = new(middleware);

    /// <param name="identity">Who delivered the activity (see <see cref="ChannelIdentity"/>); anonymous when not given.</param>
    public async Task<InvokeResponse?> ProcessActivityAsync(Activity activity, IConnectorClient connector, CancellationToken cancellationToken, ClaimsIdentity? identity = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        _ = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        var turn = new TurnContext(activity, connector, clock);
        turn.Services.Set(identity ?? ChannelIdentity.Anonymous);

        var turnOfItsOwn = await locks.AcquireForTurnAsync(activity, cancellationToken).ConfigureAwait(false);
        await using (turnOfItsOwn.ConfigureAwait(false))
        {
            try
            {
                await _middleware.RunAsync(turn, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await errorHandler.OnTurnErrorAsync(turn, ex, cancellationToken).ConfigureAwait(false);
                if (activity.IsType(ActivityTypes.Invoke))
                {
                    turn.InvokeResponse ??= new InvokeResponse(500);
                }
            }
        }

        if (activity.IsType(ActivityTypes.Invoke))
        {
            return turn.InvokeResponse ?? new InvokeResponse(501);
        }
        return null;
    }
}
