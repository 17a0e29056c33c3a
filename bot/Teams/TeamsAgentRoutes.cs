using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Teams;

/// <summary>
/// The agents' routes of the turn, each behind <see cref="AgentChannelGuard"/>: the hand-off card's actions (invoke
/// "adaptiveCard/action", whichever channel it arrives on) and messages in a case's agents' thread.
/// </summary>
public sealed class TeamsAgentRoutes(AgentChannelGuard guard, CardActions cards, ThreadCommands commands, ICaseStore cases) : IRoutes
{
    public const string CardActionName = "adaptiveCard/action";

    public IEnumerable<TurnRoute> Routes =>
    [
        new("agents' card action", 10, (turn, _) => ValueTask.FromResult(turn.Activity.IsType(ActivityTypes.Invoke) && turn.Activity.Name == CardActionName), CardActionAsync),
        new("agents' case thread", 20, IsCaseThreadAsync, ThreadMessageAsync),
    ];

    private async Task CardActionAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        turnContext.InvokeResponse = await guard.CheckAsync(turnContext, cancellationToken).ConfigureAwait(false) is AgentAccess.Allowed allowed
            ? await cards.HandleAsync(allowed.Agent, turnContext.Activity, cancellationToken).ConfigureAwait(false)
            : InvokeResults.Forbidden();
    }

    private async ValueTask<bool> IsCaseThreadAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        return activity.IsType(ActivityTypes.Message) && activity.ChannelId == TeamsMiddleware.ChannelId && activity.Conversation?.Id is { } thread
            && await cases.InThreadAsync(thread, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>Refused messages are logged by the guard and otherwise ignored: nothing reaches the customer.</summary>
    private async Task ThreadMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (await guard.CheckAsync(turnContext, cancellationToken).ConfigureAwait(false) is AgentAccess.Allowed allowed && await cases.InThreadAsync(turnContext.Activity.Conversation!.Id!, cancellationToken).ConfigureAwait(false) is { } held)
        {
            await commands.HandleAsync(turnContext, allowed.Agent, held, cancellationToken).ConfigureAwait(false);
        }
    }
}
