using CustomerCare.Bot.Storage;
using CustomerCare.Builder;
using CustomerCare.Localization;
using CustomerCare.Schema;
using IMiddleware = CustomerCare.Builder.IMiddleware;

namespace CustomerCare.Bot.Teams;

/// <summary>
/// Messages in a case's agents' thread from the agent who holds it go to the customer, in the agent's name;
/// "end" hands the customer back to the bot, which asks for a 1–5 rating. The bot itself says nothing in the thread.
/// </summary>
public sealed class AgentThreadMiddleware(LiteDbCaseStore cases, TeamsAgentRelay relay, AgentGrants grants, TimeProvider clock) : IMiddleware
{
    public const string EndCommand = "end";
    public const string GrantCommand = "grant";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.ChannelId != TeamsMiddleware.ChannelId || !activity.IsType(ActivityTypes.Message)
            || activity.Conversation?.Id is not { } thread || cases.HeldInThread(thread) is not { } held)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }
        var agentName = held.AgentName ?? activity.From?.Name ?? "Agent";
        var culture = Locales.For(held.Case.Locale);
        var command = activity.Text?.Trim() ?? string.Empty;
        if (string.Equals(command, GrantCommand, StringComparison.OrdinalIgnoreCase))
        {
            var agentId = activity.From?.AadObjectId ?? activity.From?.Id ?? "unknown";
            var outcome = await grants.GrantProposalAsync(held.Case, agentId, activity.From?.Name ?? agentName, cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivityAsync(MessageFactory.Text(outcome), cancellationToken).ConfigureAwait(false);
            if (outcome.StartsWith("Granted", StringComparison.Ordinal))
            {
                await relay.TellCustomerAsync(held.Case, $"{agentName}: {outcome}", agentName, null, cancellationToken).ConfigureAwait(false);
            }
            return;
        }
        if (command.StartsWith("note ", StringComparison.OrdinalIgnoreCase))
        {
            await cases.AddNoteAsync(held.Case.Reference, activity.From?.Name ?? agentName, command[5..].Trim(), clock.GetUtcNow().UtcDateTime).ConfigureAwait(false);
            await turnContext.SendActivityAsync(MessageFactory.Text($"Note added to {held.Case.Reference}."), cancellationToken).ConfigureAwait(false);
            return;
        }
        if (command.StartsWith("override", StringComparison.OrdinalIgnoreCase))
        {
            var parts = command.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries);
            var outcome = parts.Length >= 3 && decimal.TryParse(parts[1], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount)
                ? await grants.OverrideAsync(held.Case, amount, parts[2].ToUpperInvariant(), parts.Length == 4 ? parts[3] : string.Empty,
                    activity.From?.AadObjectId ?? activity.From?.Id ?? "unknown", activity.From?.Name ?? agentName, cancellationToken).ConfigureAwait(false)
                : "usage: override <amount> <currency> <reason>";
            await turnContext.SendActivityAsync(MessageFactory.Text(outcome), cancellationToken).ConfigureAwait(false);
            if (outcome.StartsWith("Granted", StringComparison.Ordinal))
            {
                await relay.TellCustomerAsync(held.Case, $"{agentName}: {outcome}", agentName, null, cancellationToken).ConfigureAwait(false);
            }
            return;
        }
        if (string.Equals(command, EndCommand, StringComparison.OrdinalIgnoreCase))
        {
            await cases.SetStatusAsync(held.Case.Reference, "rating").ConfigureAwait(false);
            var ratings = new SuggestedActions { Actions = Enumerable.Range(1, 5).Select(i => CardAction.ImBack(i.ToString(culture))).ToList() };
            await relay.TellCustomerAsync(held.Case, BotText.Format(culture, nameof(Strings.AgentLeft), agentName), null, ratings, cancellationToken).ConfigureAwait(false);
            return;
        }
        await relay.TellCustomerAsync(held.Case, $"{agentName}: {activity.Text}", agentName, null, cancellationToken).ConfigureAwait(false);
    }
}
