using System.Globalization;
using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Grants;
using CustomerCare.Ledger;
using CustomerCare.Localization;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Conversation;

/// <summary>The second half of the report: the facts from operations data, the ledger, the options, the grant — all through the one grant path.</summary>
public sealed partial class ReportDisruptionDialog
{
    private async Task<DialogTurnResult> AssessAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        var flow = step.Flow;
        if (WhoFor(step) is not { Count: > 0 } who)
        {
            flow.NeedsPerson = true;
            await SayAsync(step, flow.Kind == DisruptionKinds.Baggage ? nameof(Strings.BagFileGaveUp) : nameof(Strings.WhoForGaveUp), cancellationToken).ConfigureAwait(false);
            return await HandOffAsync(step, flow.Kind == DisruptionKinds.Baggage && flow.BagFileAttempts > 0 ? CaseReason.FactsDisputed : CaseReason.RepeatedMisunderstanding, cancellationToken,
                flow.BagFileTried is { } tried ? "Bag report given, not found on the booking for this journey: " + tried : null).ConfigureAwait(false);
        }
        // A bag is its traveller's alone, whoever on the booking reports it.
        if ((who is not [var only] || only != flow.PassengerId) && flow.Kind != DisruptionKinds.Baggage)
        {
            return await AssessTravellersAsync(step, who, cancellationToken).ConfigureAwait(false);
        }
        if (await IdentifyAsync(flow, cancellationToken).ConfigureAwait(false) is not { } claim)
        {
            return await HandOffAsync(step, CaseReason.BookingNotIdentified, cancellationToken).ConfigureAwait(false);
        }
        var assessment = await _grants.AssessAsync(claim, cancellationToken).ConfigureAwait(false);
        return assessment is Assessment.Assessed assessed
            ? await OfferAsync(step, assessed, step.Context.Culture(), cancellationToken).ConfigureAwait(false)
            : await TellNotEstablishedAsync(step, assessment, claim, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The facts are not what was reported, or not in the data: the customer is told what the data shows, and a person takes over.</summary>
    private async Task<DialogTurnResult> TellNotEstablishedAsync(WaterfallStepContext<DisruptionReport> step, Assessment assessment, DisruptionClaim claim, CancellationToken cancellationToken)
    {
        var culture = step.Context.Culture();
        // A journey already compensated, reported again as another kind or on another of its flights: the customer hears it was granted, and no person is troubled.
        if (assessment is not Assessment.NoRecord && claim.Reported is not (DisruptionKind.Downgrade or DisruptionKind.Baggage)
            && (await _grants.Ledger.HoldersAsync(claim.Who, [RemedyKind.Compensation], DisruptionFamily.Flight, cancellationToken).ConfigureAwait(false)).Values.FirstOrDefault() is { } compensated)
        {
            await TellAlreadyGrantedAsync(step, compensated, culture).ConfigureAwait(false);
            return await step.EndDialogAsync(step.Flow, cancellationToken).ConfigureAwait(false);
        }
        switch (assessment)
        {
            case Assessment.NoRecord missing:
                await Say(step, nameof(Strings.NoOperationsRecord), missing.Segment.FlightNumber, Day(missing.Segment.ScheduledDepartureUtc, culture)).ConfigureAwait(false);
                return await HandOffAsync(step, CaseReason.FactsDisputed, cancellationToken).ConfigureAwait(false);
            case Assessment.NotShown notShown:
                var closest = notShown.Closest;
                await Say(step, nameof(Strings.OpsMismatch), closest.FlightNumber, Day(closest.ScheduledDepartureUtc, culture), RemedyTexts.Lateness(closest.ArrivalDelay, culture),
                    BotText.Get(culture, closest.Cancelled ? nameof(Strings.Yes) : nameof(Strings.No))).ConfigureAwait(false);
                return await HandOffAsync(step, CaseReason.FactsDisputed, cancellationToken).ConfigureAwait(false);
            case Assessment.NotRecorded:
                await Say(step, claim.Reported == DisruptionKind.Baggage ? nameof(Strings.BagReportNotRecorded) : nameof(Strings.DowngradeNotRecorded), claim.Booking.RecordLocator).ConfigureAwait(false);
                return await HandOffAsync(step, CaseReason.FactsDisputed, cancellationToken, BagSummary(step.Flow)).ConfigureAwait(false);
            case Assessment.ArrivalUnknown unknown:
                await Say(step, nameof(Strings.OpsArrivalUnknown), unknown.Disrupted.FlightNumber, Day(unknown.Disrupted.ScheduledDepartureUtc, culture), claim.Journey.Destination).ConfigureAwait(false);
                return await HandOffAsync(step, CaseReason.FactsDisputed, cancellationToken).ConfigureAwait(false);
            default:
                throw new InvalidOperationException("Unknown assessment.");
        }
    }

    private async Task<DialogTurnResult> OfferAsync(WaterfallStepContext<DisruptionReport> step, Assessment.Assessed assessed, CultureInfo culture, CancellationToken cancellationToken)
    {
        var flow = step.Flow;
        await FactStatements.SayAsync(step.Context, assessed, culture).ConfigureAwait(false);
        var open = assessed.Open;
        if (assessed.AlreadyGranted is { } existing)
        {
            await TellAlreadyGrantedAsync(step, existing, culture, open.Count == 0 ? nameof(Strings.AlreadyGrantedBefore) : nameof(Strings.AlreadyGrantedPart)).ConfigureAwait(false);
            if (open.Count == 0)
            {
                return await step.EndDialogAsync(flow, cancellationToken).ConfigureAwait(false);
            }
        }
        var proposal = assessed.Proposal;
        var regulation = proposal.Regulation ?? BotText.Get(culture, nameof(Strings.NoRegulation));
        if (open.Count == 0)
        {
            await Say(step, proposal.NotCoveredBy is not null ? nameof(Strings.NotCovered) : nameof(Strings.NothingOwed), proposal.NotCoveredBy ?? regulation, proposal.PolicyVersion).ConfigureAwait(false);
            await TellRefundAsync(step, assessed.Refund, culture).ConfigureAwait(false);
            return await step.EndDialogAsync(flow, cancellationToken).ConfigureAwait(false);
        }

        var lines = open.Select(o => "• " + RemedyTexts.Line(o, culture));
        await step.Context.SendActivityAsync(MessageFactory.Text(step.Context.Text(nameof(Strings.OptionsIntro), regulation, proposal.PolicyVersion) + "\n" + string.Join("\n", lines)), cancellationToken).ConfigureAwait(false);
        await TellRefundAsync(step, assessed.Refund, culture).ConfigureAwait(false);
        if (assessed.Remedies.Count == 0 && !assessed.NeedsPerson)
        {
            // Only what has no amount to grant now is open (care against receipts): nothing to confirm.
            return await step.EndDialogAsync(flow, cancellationToken).ConfigureAwait(false);
        }
        if (assessed.NeedsPerson)
        {
            await SayAsync(step, nameof(Strings.NeedsPersonApproval), cancellationToken).ConfigureAwait(false);
            return await HandOffAsync(step, CaseReason.PolicyNeedsPerson, cancellationToken, BagSummary(flow)).ConfigureAwait(false);
        }

        flow.Proposed = assessed.Remedies.ToList();
        flow.ShownOffer = null;
        if (_grants.VoucherOfferFor(assessed) is { } offer)
        {
            return await AskMoneyOrVoucherAsync(step, offer, culture, cancellationToken).ConfigureAwait(false);
        }
        var total = RemedyTexts.Total(flow.Proposed.Select(r => (r.Amount, r.Currency)), culture);
        return await step.PromptAsync(ConfirmGrantPrompt, new PromptOptions { Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.ConfirmGrant), total)) }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Money and voucher side by side; the flow keeps the words shown, which the ledger records with the choice.</summary>
    private async Task<DialogTurnResult> AskMoneyOrVoucherAsync(WaterfallStepContext<DisruptionReport> step, VoucherOffer offer, CultureInfo culture, CancellationToken cancellationToken)
    {
        var (text, card) = VoucherOfferCard.Build(offer, _promise, culture);
        step.Flow.ShownOffer = text;
        return await step.PromptAsync(MoneyOrVoucherPrompt, new PromptOptions
        {
            // The card says it all (its fallback text where cards do not show); the ledger keeps the same words as shown.
            Prompt = MessageFactory.Attachment(card),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.ChoiceRetry))),
            Choices = MoneyOrVoucher(culture),
            MaxAttempts = 3,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The answers to the money-or-voucher question, in this order: money, voucher, neither.</summary>
    private static List<Choice> MoneyOrVoucher(CultureInfo culture) =>
    [
        new(BotText.Get(culture, nameof(Strings.ChoiceMoney)), Synonyms: BotText.Words(culture, nameof(Strings.ChoiceMoneyWords))),
        // Only "voucher" itself (or the button) takes the voucher: a sentence that mentions it may well refuse it.
        new(BotText.Get(culture, nameof(Strings.ChoiceVoucher)), Synonyms: BotText.Words(culture, nameof(Strings.ChoiceVoucherWords)), MentionCounts: false),
        new(BotText.Get(culture, nameof(Strings.ChoiceNeither)), Synonyms: BotText.Words(culture, nameof(Strings.ChoiceNeitherWords))),
    ];

    private async Task<DialogTurnResult> GrantAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        var flow = step.Flow;
        // A yes to the amount, or money (0) or a voucher (1) where both were offered.
        var (accepted, voucher) = step.Result switch
        {
            true => (true, false),
            FoundChoice { Index: 0 or 1 } picked when flow.ShownOffer is not null => (true, picked.Index == 1),
            _ => (false, false),
        };
        if (!accepted)
        {
            await SayAsync(step, nameof(Strings.GrantDeclined), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(flow, cancellationToken).ConfigureAwait(false);
        }
        var choice = flow.ShownOffer is { } shown ? new RemedyChoice(voucher, shown) : null;
        var culture = step.Context.Culture();
        var bot = BotActor(step.Context);
        if (flow.ProposedFor is not null)
        {
            return await GrantTravellersAsync(step, bot, choice, cancellationToken).ConfigureAwait(false);
        }
        var outcome = await IdentifyAsync(flow, cancellationToken).ConfigureAwait(false) is { } claim
            ? await _grants.GrantProposalAsync(claim, bot, flow.Proposed ?? [], caseReference: null, cancellationToken, choice).ConfigureAwait(false)
            : new GrantOutcome.Refused(GrantRefusal.NotIdentified);
        switch (outcome)
        {
            case GrantOutcome.Granted granted:
                await TellGrantedAsync(step, granted.Entry, culture).ConfigureAwait(false);
                break;
            case GrantOutcome.AlreadyGranted already:
                await TellAlreadyGrantedAsync(step, already.Existing, culture).ConfigureAwait(false);
                break;
            case GrantOutcome.Refused refused:
                await Say(step, nameof(Strings.GrantRefused), RefusalTexts.For(refused.Reason, culture)).ConfigureAwait(false);
                return await HandOffAsync(step, CaseReason.PolicyNeedsPerson, cancellationToken).ConfigureAwait(false);
            default:
                return await HandOffAsync(step, CaseReason.PolicyNeedsPerson, cancellationToken).ConfigureAwait(false);
        }
        return await step.EndDialogAsync(flow, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The grant's reference and what it gives: the money and when it arrives, each voucher's code, value and validity.</summary>
    private async Task TellGrantedAsync(WaterfallStepContext<DisruptionReport> step, LedgerEntry entry, CultureInfo culture)
    {
        var cash = entry.Remedies.Where(r => !r.AsVoucher).ToList();
        if (cash.Count > 0)
        {
            await Say(step, nameof(Strings.Granted), entry.Reference, string.Join(", ", cash.Select(r => Money.Format(r.Amount, r.Currency, culture))), _promise.PaidWithinDays).ConfigureAwait(false);
        }
        else
        {
            await Say(step, nameof(Strings.GrantedVouchersOnly), entry.Reference).ConfigureAwait(false);
        }
        foreach (var voucher in entry.Remedies.Where(r => r.AsVoucher))
        {
            await Say(step, nameof(Strings.VoucherGranted), voucher.VoucherCode, Money.Format(voucher.VoucherValue ?? voucher.Amount, voucher.Currency, culture),
                voucher.VoucherValidUntil?.ToString("d", culture)).ConfigureAwait(false);
        }
    }

    private static GrantActor BotActor(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        return new GrantActor(ActorKind.Bot, activity.Recipient?.Id ?? "bot", activity.Recipient?.Name, activity.ChannelId ?? "unknown", activity.Conversation?.Id ?? "unknown");
    }

    /// <summary>The claim the flow identified, looked up again (state keeps ids, not copies of the booking).</summary>
    private Task<DisruptionClaim?> IdentifyAsync(DisruptionReport flow, CancellationToken cancellationToken)
        => IdentifyForAsync(flow, flow.CasePassengerId, cancellationToken);

    private static string Day(DateTime utc, CultureInfo culture) => utc.ToString("d", culture);

    private static Task TellAlreadyGrantedAsync(WaterfallStepContext<DisruptionReport> step, LedgerEntry existing, CultureInfo culture, string key = nameof(Strings.AlreadyGrantedBefore))
        => Say(step, key,
            RemedyTexts.Total(existing.Remedies.Select(r => (r.Amount, r.Currency)), culture),
            existing.GrantedUtc.ToString("d", culture), DataNames.Channel(existing.GrantedBy.Channel, culture), existing.Reference);

    private static Task TellRefundAsync(WaterfallStepContext<DisruptionReport> step, RemedyOption? refund, CultureInfo culture)
        => refund is null || refund.Amount <= 0
            ? Task.CompletedTask
            : Say(step, nameof(Strings.RefundAlternative), Money.Format(refund.Amount, refund.Currency, culture));

    private static Task Say(WaterfallStepContext<DisruptionReport> step, string key, params object?[] args)
        => step.Context.SendActivityAsync(MessageFactory.Text(step.Context.Text(key, args)), CancellationToken.None);
}
