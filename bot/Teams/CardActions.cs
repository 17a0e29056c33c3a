using System.Text.Json;
using CustomerCare.Cases;
using CustomerCare.Grants;
using CustomerCare.Ledger;
using CustomerCare.Schema;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Teams;

/// <summary>
/// The hand-off card's Universal Actions, one handler per verb. Taking is atomic and idempotent (Teams retries); taking
/// over a held case is explicit and recorded; approving and declining are for the agent who holds the case, and an
/// approval goes through the one grant path like every other grant.
/// </summary>
public sealed class CardActions(ICaseStore cases, CaseHandovers handovers, TeamsAgentNotifier notifier, TeamsAgentRelay relay, CaseClaims claims, CompensationGrants grants, IOptions<TeamsOptions> teams)
{
    public async Task<InvokeResponse> HandleAsync(AgentIdentity agent, Activity activity, CancellationToken cancellationToken)
    {
        var action = activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        var verb = action.ValueKind == JsonValueKind.Object && action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var reference = action.ValueKind == JsonValueKind.Object && action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("case", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (verb is not (HandoffCard.TakeVerb or HandoffCard.TakeOverVerb or HandoffCard.ApproveVerb or HandoffCard.DeclineVerb) || reference is null)
        {
            return InvokeResults.Error("UnknownAction", $"The action '{verb}' is not supported.");
        }
        if (await cases.FindHeldAsync(reference, cancellationToken).ConfigureAwait(false) is not { } held)
        {
            return InvokeResults.Error("CaseNotFound", $"There is no case {reference}.");
        }
        return verb switch
        {
            HandoffCard.TakeVerb => await TakeAsync(agent, held.Case, cancellationToken).ConfigureAwait(false),
            HandoffCard.TakeOverVerb => await TakeOverAsync(agent, held.Case, cancellationToken).ConfigureAwait(false),
            _ when !held.IsHeldBy(agent.Id) => await CardAsync(held.Case, held.AgentName,
                held.Status == CaseStatus.Open ? "Take the case before deciding it." : $"Only {held.AgentName ?? "the agent who holds it"} can decide this case; take it over first.", cancellationToken).ConfigureAwait(false),
            HandoffCard.ApproveVerb => await ApproveAsync(agent, held, cancellationToken).ConfigureAwait(false),
            _ => await DecideAsync(held, $"Declined by {agent.Name}; nothing was granted.", cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<InvokeResponse> TakeAsync(AgentIdentity agent, CaseFile caseFile, CancellationToken cancellationToken)
    {
        var (claim, _) = await handovers.TakeAsync(agent, caseFile, takeOver: false, cancellationToken).ConfigureAwait(false);
        return await CardAsync(caseFile, claim.AgentName, claim.TakenByCaller ? null : $"{claim.AgentName} already has this case.", cancellationToken).ConfigureAwait(false);
    }

    private async Task<InvokeResponse> TakeOverAsync(AgentIdentity agent, CaseFile caseFile, CancellationToken cancellationToken)
    {
        var (claim, note) = await handovers.TakeAsync(agent, caseFile, takeOver: true, cancellationToken).ConfigureAwait(false);
        return claim.Newly
            ? await CardAsync(caseFile, agent.Name, note, cancellationToken).ConfigureAwait(false)
            : await CardAsync(caseFile, claim.AgentName, claim.TakenByCaller ? "You already hold this case." : "Nobody holds this case; take it.", cancellationToken).ConfigureAwait(false);
    }

    private async Task<InvokeResponse> ApproveAsync(AgentIdentity agent, HeldCase held, CancellationToken cancellationToken)
    {
        var outcome = await claims.OfAsync(held.Case, cancellationToken).ConfigureAwait(false) is { } claim
            ? await grants.GrantProposalAsync(claim, agent.ActorFor(held.Case), confirmed: null, held.Case.Reference, cancellationToken).ConfigureAwait(false)
            : new GrantOutcome.Refused(GrantRefusal.NotIdentified);
        if (outcome is GrantOutcome.Granted granted)
        {
            await relay.TellCustomerGrantedAsync(held.Case, granted.Entry, agent.Name, cancellationToken).ConfigureAwait(false);
        }
        var note = $"{agent.Name}: {AgentReplies.For(outcome, teams.Value.ApprovalsUrl)}";
        return outcome is GrantOutcome.Granted or GrantOutcome.AlreadyGranted
            ? await DecideAsync(held, note, cancellationToken).ConfigureAwait(false)
            : await CardAsync(held.Case, held.AgentName, note, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A decision everyone sees: the posted card is replaced, without the decision buttons.</summary>
    private async Task<InvokeResponse> DecideAsync(HeldCase held, string note, CancellationToken cancellationToken)
    {
        var card = await notifier.CardAsync(held.Case, held.AgentName, note, cancellationToken, decided: true).ConfigureAwait(false);
        await notifier.UpdateForEveryoneAsync(held.Case.Reference, card, cancellationToken).ConfigureAwait(false);
        return InvokeResults.Card(card);
    }

    private async Task<InvokeResponse> CardAsync(CaseFile caseFile, string? takenBy, string? note, CancellationToken cancellationToken)
        => InvokeResults.Card(await notifier.CardAsync(caseFile, takenBy, note, cancellationToken).ConfigureAwait(false));
}
