using System.Globalization;
using System.Text.RegularExpressions;
using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Grants;
using CustomerCare.Ledger;
using CustomerCare.Localization;
using CustomerCare.Schema;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Teams;

/// <summary>
/// An agent writing in a case's thread. Any agent may add a note or take the case over; only the agent who holds it
/// answers the customer (every other message goes to them, in the agent's name), grants the proposal, overrides it
/// or ends the case. The bot answers commands in the thread and says nothing else there.
/// </summary>
public sealed partial class ThreadCommands(ICaseStore cases, CaseHandovers handovers, TeamsAgentRelay relay, CaseClaims claims, CompensationGrants grants, TimeProvider clock, IOptions<TeamsOptions> teams)
{
    public const string EndCommand = "end";
    public const string GrantCommand = "grant";
    public const string TakeCommand = "take";
    public const string TakeOverCommand = "take over";

    public async Task HandleAsync(ITurnContext turnContext, AgentIdentity agent, HeldCase held, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim() ?? string.Empty;
        var reference = held.Case.Reference;
        if (text.StartsWith("note ", StringComparison.OrdinalIgnoreCase))
        {
            await cases.AddNoteAsync(reference, agent.Name, text[5..].Trim(), clock.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
            await ReplyAsync(turnContext, $"Note added to {reference}.", cancellationToken).ConfigureAwait(false);
            return;
        }
        if (Is(text, TakeCommand) || Is(text, TakeOverCommand) || Is(text, "takeover"))
        {
            await ReplyAsync(turnContext, await TakeAsync(agent, held, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return;
        }
        if (held.Status != CaseStatus.Taken)
        {
            await ReplyAsync(turnContext, held.Status == CaseStatus.Open ? $"Nobody holds case {reference} yet: take it first." : $"Case {reference} has ended.", cancellationToken).ConfigureAwait(false);
            return;
        }
        if (!held.IsHeldBy(agent.Id))
        {
            await ReplyAsync(turnContext, $"{held.AgentName} holds case {reference}; only they can answer the customer, grant, override or end it. Write \"{TakeOverCommand}\" to take the case over.", cancellationToken).ConfigureAwait(false);
            return;
        }
        if (text.StartsWith("override", StringComparison.OrdinalIgnoreCase) && !Override().IsMatch(text))
        {
            await ReplyAsync(turnContext, "Refused: write an override as override <amount> <currency> <reason>, for example override 250.00 EUR missed a wedding.", cancellationToken).ConfigureAwait(false);
            return;
        }
        if (Is(text, GrantCommand) || text.StartsWith("override", StringComparison.OrdinalIgnoreCase))
        {
            var outcome = await GrantAsync(text, agent, held.Case, cancellationToken).ConfigureAwait(false);
            await ReplyAsync(turnContext, AgentReplies.For(outcome, teams.Value.ApprovalsUrl), cancellationToken).ConfigureAwait(false);
            if (outcome is GrantOutcome.Granted granted)
            {
                await relay.TellCustomerGrantedAsync(held.Case, granted.Entry, agent.Name, cancellationToken).ConfigureAwait(false);
            }
            return;
        }
        if (Is(text, EndCommand))
        {
            await EndAsync(agent, held.Case, cancellationToken).ConfigureAwait(false);
            return;
        }
        await relay.TellCustomerAsync(held.Case, $"{agent.Name}: {turnContext.Activity.Text}", agent.Name, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> TakeAsync(AgentIdentity agent, HeldCase held, CancellationToken cancellationToken)
    {
        var reference = held.Case.Reference;
        var (claim, note) = await handovers.TakeAsync(agent, held.Case, takeOver: held.Status != CaseStatus.Open, cancellationToken).ConfigureAwait(false);
        if (!claim.Newly)
        {
            return claim.TakenByCaller ? $"You hold case {reference}." : $"Case {reference} cannot be taken now ({held.Status.ToString().ToLowerInvariant()}).";
        }
        return note ?? $"You hold case {reference}.";
    }

    /// <summary>"grant" (the proposal) or "override &lt;amount&gt; &lt;currency&gt; &lt;reason&gt;", both through the one grant path.</summary>
    private async Task<GrantOutcome> GrantAsync(string text, AgentIdentity agent, CaseFile caseFile, CancellationToken cancellationToken)
    {
        if (await claims.OfAsync(caseFile, cancellationToken).ConfigureAwait(false) is not { } claim)
        {
            return new GrantOutcome.Refused(GrantRefusal.NotIdentified);
        }
        if (Is(text, GrantCommand))
        {
            return await grants.GrantProposalAsync(claim, agent.ActorFor(caseFile), confirmed: null, caseFile.Reference, cancellationToken).ConfigureAwait(false);
        }
        var match = Override().Match(text);
        if (!decimal.TryParse(match.Groups["amount"].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return new GrantOutcome.Refused(GrantRefusal.NotPositive);
        }
        return await grants.OverrideAsync(claim, amount, match.Groups["currency"].Value.ToUpperInvariant(), match.Groups["reason"].Value, agent.ActorFor(caseFile), caseFile.Reference, cancellationToken).ConfigureAwait(false);
    }

    private async Task EndAsync(AgentIdentity agent, CaseFile caseFile, CancellationToken cancellationToken)
    {
        if (!await cases.TryMoveAsync(caseFile.Reference, CaseStatus.Rating, null, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        var culture = Locales.For(caseFile.Locale);
        var ratings = new SuggestedActions { Actions = Enumerable.Range(1, 5).Select(i => CardAction.ImBack(i.ToString(culture))).ToList() };
        await relay.TellCustomerAsync(caseFile, BotText.Format(culture, nameof(Strings.AgentLeft), agent.Name), null, ratings, cancellationToken).ConfigureAwait(false);
    }

    private static bool Is(string text, string command) => string.Equals(text, command, StringComparison.OrdinalIgnoreCase);

    /// <summary>"override 1,000.50 EUR reason": an amount in plain digits (thousands in groups of three), a three-letter code, then the reason, if any.</summary>
    [GeneratedRegex(@"^override\s+(?<amount>-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,12})(?:\.[0-9]+)?)\s+(?<currency>[A-Za-z]{3})(?:\s+(?<reason>.*))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex Override();

    private static Task ReplyAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
        => turnContext.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
}
