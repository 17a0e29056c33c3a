using System.Globalization;
using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Ledger;
using CustomerCare.Localization;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Conversation;

/// <summary>The second half of the report: the facts from operations data, the ledger, the options, the grant.</summary>
public sealed partial class ReportDisruptionDialog
{
    private async Task<DialogTurnResult> AssessAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        var flow = step.Flow;
        var culture = step.Context.Culture();
        var segment = flow.Segment!;
        var day = DateOnly.FromDateTime(segment.ScheduledDepartureUtc);
        var dayText = segment.ScheduledDepartureUtc.ToString("d", culture);
        var reported = DisruptionKinds.ToDomain(flow.Kind);

        var operation = await _desk.Operations.FindFlightAsync(segment.FlightNumber, day, cancellationToken).ConfigureAwait(false);
        if (operation is null || FactsBuilder.Build(reported, segment, operation, _desk.Airports) is not { } facts)
        {
            await Say(step, nameof(Strings.NoOperationsRecord), segment.FlightNumber, dayText).ConfigureAwait(false);
            return await HandOffAsync(step, CaseReason.FactsDisputed, cancellationToken).ConfigureAwait(false);
        }
        if (!FactsBuilder.Confirms(reported, operation))
        {
            await Say(step, nameof(Strings.OpsMismatch), segment.FlightNumber, dayText, RemedyTexts.Duration(operation.ArrivalDelay, culture),
                BotText.Get(culture, operation.Cancelled ? nameof(Strings.Yes) : nameof(Strings.No))).ConfigureAwait(false);
            return await HandOffAsync(step, CaseReason.FactsDisputed, cancellationToken).ConfigureAwait(false);
        }
        await StateFactsAsync(step, facts, operation, dayText, culture).ConfigureAwait(false);

        flow.AssessedKind = facts.Kind;
        var key = new EntitlementKey(flow.PassengerId!, flow.BookingReference!, segment.FlightNumber, day, facts.Kind);
        if (await _desk.Ledger.FindAsync(key, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            await TellAlreadyGrantedAsync(step, existing, culture).ConfigureAwait(false);
            return await step.EndDialogAsync(flow, cancellationToken).ConfigureAwait(false);
        }

        var proposal = _desk.Policy.Evaluate(facts, flow.Tier);
        var regulation = proposal.Regulation ?? BotText.Get(culture, nameof(Strings.NoRegulation));
        var refund = proposal.Options.FirstOrDefault(o => o.Kind == RemedyKind.Refund);
        var grantable = proposal.Options.Where(o => o.Kind != RemedyKind.Refund).ToList();
        if (grantable.Count == 0)
        {
            await Say(step, nameof(Strings.NothingOwed), regulation, proposal.PolicyVersion).ConfigureAwait(false);
            await TellRefundAsync(step, refund, culture).ConfigureAwait(false);
            return await step.EndDialogAsync(flow, cancellationToken).ConfigureAwait(false);
        }

        var lines = grantable.Select(o => "• " + RemedyTexts.Line(o, culture));
        await step.Context.SendActivityAsync(MessageFactory.Text(step.Context.Text(nameof(Strings.OptionsIntro), regulation, proposal.PolicyVersion) + "\n" + string.Join("\n", lines)), cancellationToken).ConfigureAwait(false);
        await TellRefundAsync(step, refund, culture).ConfigureAwait(false);
        if (proposal.NeedsPerson)
        {
            await SayAsync(step, nameof(Strings.NeedsPersonApproval), cancellationToken).ConfigureAwait(false);
            return await HandOffAsync(step, CaseReason.PolicyNeedsPerson, cancellationToken).ConfigureAwait(false);
        }

        flow.Proposed = grantable.Select(o => new GrantedRemedy(o.Code, o.Kind, o.Amount, o.Currency, o.Rule)).ToList();
        flow.PolicyVersion = proposal.PolicyVersion;
        flow.SeverityBand = proposal.SeverityBand;
        var total = RemedyTexts.Total(grantable.Select(o => (o.Amount, o.Currency)), culture);
        return await step.PromptAsync(ConfirmGrantPrompt, new PromptOptions { Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.ConfirmGrant), total)) }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> GrantAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        var flow = step.Flow;
        if (step.Result is not true)
        {
            await SayAsync(step, nameof(Strings.GrantDeclined), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(flow, cancellationToken).ConfigureAwait(false);
        }
        var activity = step.Context.Activity;
        var segment = flow.Segment!;
        var request = new GrantRequest(
            new EntitlementKey(flow.PassengerId!, flow.BookingReference!, segment.FlightNumber, DateOnly.FromDateTime(segment.ScheduledDepartureUtc), flow.AssessedKind!.Value),
            flow.Proposed!, flow.PolicyVersion!,
            new GrantActor(GrantActor.Bot, activity.Recipient?.Id ?? "bot", activity.Recipient?.Name, activity.ChannelId ?? "unknown", activity.Conversation?.Id ?? "unknown"),
            CustomerConfirmed: true, Tier: flow.Tier, SeverityBand: flow.SeverityBand);
        var culture = step.Context.Culture();
        switch (await _desk.Ledger.TryGrantAsync(request, cancellationToken).ConfigureAwait(false))
        {
            case GrantOutcome.Granted granted:
                var what = string.Join(", ", granted.Entry.Remedies.Select(r => Money.Format(r.Amount, r.Currency, culture)));
                await Say(step, nameof(Strings.Granted), granted.Entry.Reference, what).ConfigureAwait(false);
                break;
            case GrantOutcome.AlreadyGranted already:
                await TellAlreadyGrantedAsync(step, already.Existing, culture).ConfigureAwait(false);
                break;
            case GrantOutcome.Refused refused:
                await Say(step, nameof(Strings.GrantRefused), refused.Reason).ConfigureAwait(false);
                return await HandOffAsync(step, CaseReason.PolicyNeedsPerson, cancellationToken).ConfigureAwait(false);
        }
        return await step.EndDialogAsync(flow, cancellationToken).ConfigureAwait(false);
    }

    private static Task StateFactsAsync(WaterfallStepContext<DisruptionReport> step, DisruptionFacts facts, FlightOperation operation, string dayText, CultureInfo culture)
    {
        var cause = operation.CauseCode.ToLowerInvariant();
        var (origin, destination) = (facts.Origin.Iata, facts.Destination.Iata);
        return facts.Kind switch
        {
            DisruptionKind.Cancellation => SayFactsAsync(step, nameof(Strings.OpsCancellation), operation, dayText, culture,
                ((facts.ScheduledDepartureUtc - (facts.CancellationNoticeUtc ?? facts.ScheduledDepartureUtc)).TotalDays).ToString("0", CultureInfo.InvariantCulture)),
            DisruptionKind.DeniedBoarding => Say(step, nameof(Strings.OpsDeniedBoarding), operation.FlightNumber, origin, destination, dayText,
                RemedyTexts.Duration((facts.RerouteArrivalUtc ?? facts.ScheduledArrivalUtc) - facts.ScheduledArrivalUtc, culture)),
            _ => Say(step, nameof(Strings.OpsDelay), operation.FlightNumber, origin, destination, dayText, RemedyTexts.Duration(facts.ArrivalDelay, culture), cause),
        };
    }

    private static async Task SayFactsAsync(WaterfallStepContext<DisruptionReport> step, string key, FlightOperation operation, string dayText, CultureInfo culture, string notice)
    {
        var text = step.Context.Text(key, operation.FlightNumber, operation.Origin, operation.Destination, dayText, notice);
        if (operation.RerouteArrivalUtc is { } arrival)
        {
            text += " " + step.Context.Text(nameof(Strings.OpsReroute), RemedyTexts.Duration(arrival - operation.ScheduledArrivalUtc, culture));
        }
        await step.Context.SendActivityAsync(MessageFactory.Text(text), CancellationToken.None).ConfigureAwait(false);
    }

    private static Task TellAlreadyGrantedAsync(WaterfallStepContext<DisruptionReport> step, LedgerEntry existing, CultureInfo culture)
        => Say(step, nameof(Strings.AlreadyGrantedBefore),
            RemedyTexts.Total(existing.Remedies.Select(r => (r.Amount, r.Currency)), culture),
            existing.GrantedUtc.ToString("d", culture), existing.GrantedBy.Channel, existing.Reference);

    private static Task TellRefundAsync(WaterfallStepContext<DisruptionReport> step, RemedyOption? refund, CultureInfo culture)
        => refund is null || refund.Amount <= 0
            ? Task.CompletedTask
            : Say(step, nameof(Strings.RefundAlternative), Money.Format(refund.Amount, refund.Currency, culture));

    private static Task Say(WaterfallStepContext<DisruptionReport> step, string key, params object?[] args)
        => step.Context.SendActivityAsync(MessageFactory.Text(step.Context.Text(key, args)), CancellationToken.None);
}
