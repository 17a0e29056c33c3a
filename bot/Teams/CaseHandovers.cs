using CustomerCare.Cases;
using CustomerCare.Localization;

namespace CustomerCare.Bot.Teams;

/// <summary>
/// An agent takes a case, or takes it over from the agent who holds it — from the card or by a command in its thread.
/// The store records it atomically; when it changed hands, everyone's card shows the new holder (and the handover), and
/// the customer is told who joined.
/// </summary>
public sealed class CaseHandovers(ICaseStore cases, TeamsAgentNotifier notifier, TeamsAgentRelay relay)
{
    /// <returns>The store's answer, and for a take-over the note recorded on the card.</returns>
    public async Task<(CaseClaim Claim, string? Note)> TakeAsync(AgentIdentity agent, CaseFile caseFile, bool takeOver, CancellationToken cancellationToken)
    {
        var claim = takeOver
            ? await cases.TryTakeOverAsync(caseFile.Reference, agent.Id, agent.Name, cancellationToken).ConfigureAwait(false)
            : await cases.TryTakeAsync(caseFile.Reference, agent.Id, agent.Name, cancellationToken).ConfigureAwait(false);
        if (!claim.Newly)
        {
            return (claim, null);
        }
        var note = claim.PreviousAgentName is { } previous ? $"{agent.Name} took the case over from {previous}." : null;
        await notifier.UpdateForEveryoneAsync(caseFile.Reference, await notifier.CardAsync(caseFile, agent.Name, note, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var said = note is null ? nameof(Strings.AgentJoined) : nameof(Strings.AgentTookOver);
        await relay.TellCustomerAsync(caseFile, BotText.Format(Locales.For(caseFile.Locale), said, agent.Name), null, null, cancellationToken).ConfigureAwait(false);
        return (claim, note);
    }
}
