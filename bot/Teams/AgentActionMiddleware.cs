using System.Text.Json;
using CustomerCare.Builder;
using CustomerCare.Bot.Storage;
using CustomerCare.Schema;
using IMiddleware = CustomerCare.Builder.IMiddleware;

namespace CustomerCare.Bot.Teams;

/// <summary>
/// Universal Actions from the agents' hand-off cards (invoke "adaptiveCard/action"). Taking a case is atomic —
/// two agents clicking at once: one gets it, the other is told who has it — and idempotent, since Teams retries.
/// The answer is the refreshed card, in the exact shape Teams expects.
/// </summary>
public sealed class AgentActionMiddleware(LiteDbCaseStore cases, TeamsAgentNotifier notifier, TeamsAgentRelay relay, AgentGrants grants) : IMiddleware
{
    private const string CardResponse = "application/vnd.microsoft.card.adaptive";
    private const string ErrorResponse = "application/vnd.microsoft.error";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (!activity.IsType(ActivityTypes.Invoke) || activity.Name != "adaptiveCard/action")
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }
        turnContext.InvokeResponse = await HandleAsync(activity, cancellationToken).ConfigureAwait(false);
    }

    private async Task<InvokeResponse> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        var action = activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("action", out var a) ? a : default;
        var verb = action.ValueKind == JsonValueKind.Object && action.TryGetProperty("verb", out var v) ? v.GetString() : null;
        var reference = action.ValueKind == JsonValueKind.Object && action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("case", out var c) ? c.GetString() : null;
        if (verb is not (HandoffCard.TakeVerb or HandoffCard.ApproveVerb or HandoffCard.DeclineVerb) || reference is null)
        {
            return Error("UnknownAction", $"The action '{verb}' is not supported.");
        }
        var agentId = activity.From?.AadObjectId ?? activity.From?.Id ?? "unknown";
        var agentName = activity.From?.Name ?? agentId;
        if (verb != HandoffCard.TakeVerb)
        {
            return await DecideAsync(verb, reference, agentId, agentName, cancellationToken).ConfigureAwait(false);
        }
        var claim = await cases.TryTakeAsync(reference, agentId, agentName, cancellationToken).ConfigureAwait(false);
        if (!claim.Found || await cases.FindAsync(reference, cancellationToken).ConfigureAwait(false) is not { } caseFile)
        {
            return Error("CaseNotFound", $"There is no case {reference}.");
        }
        if (claim.Newly)
        {
            await notifier.UpdateForEveryoneAsync(reference, await notifier.CardAsync(caseFile, claim.AgentName, null, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            var culture = Localization.Locales.For(caseFile.Locale);
            await relay.TellCustomerAsync(caseFile, Localization.BotText.Format(culture, nameof(Localization.Strings.AgentJoined), agentName), null, null, cancellationToken).ConfigureAwait(false);
        }
        var note = claim.TakenByCaller ? null : $"{claim.AgentName} already has this case.";
        var card = await notifier.CardAsync(caseFile, claim.AgentName, note, cancellationToken).ConfigureAwait(false);
        return Respond(new { statusCode = 200, type = CardResponse, value = card });
    }

    /// <summary>Approve grants the policy's proposal through the ledger (within the agent's authority); decline leaves it ungranted.</summary>
    private async Task<InvokeResponse> DecideAsync(string verb, string reference, string agentId, string agentName, CancellationToken cancellationToken)
    {
        if (await cases.FindAsync(reference, cancellationToken).ConfigureAwait(false) is not { } caseFile)
        {
            return Error("CaseNotFound", $"There is no case {reference}.");
        }
        string note;
        if (verb == HandoffCard.ApproveVerb)
        {
            note = $"{agentName}: {await grants.GrantProposalAsync(caseFile, agentId, agentName, cancellationToken).ConfigureAwait(false)}";
            if (note.Contains(": Granted", StringComparison.Ordinal))
            {
                await relay.TellCustomerAsync(caseFile, note, agentName, null, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            note = $"Declined by {agentName}; nothing was granted.";
        }
        var holder = cases.HolderOf(reference);
        var card = await notifier.CardAsync(caseFile, holder, note, cancellationToken, decided: true).ConfigureAwait(false);
        await notifier.UpdateForEveryoneAsync(reference, card, cancellationToken).ConfigureAwait(false);
        return Respond(new { statusCode = 200, type = CardResponse, value = card });
    }

    private static InvokeResponse Error(string code, string message)
        => Respond(new { statusCode = 400, type = ErrorResponse, value = new { code, message } });

    private static InvokeResponse Respond(object body) => new(200, JsonSerializer.SerializeToElement(body));
}
