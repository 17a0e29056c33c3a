using System.Globalization;
using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Grants;
using CustomerCare.Ledger;
using CustomerCare.Localization;
using CustomerCare.Operations;

namespace CustomerCare.Conversation;

/// <summary>
/// A claim for several travellers on the booking (or for a co-traveller): the journey's facts once, then each
/// passenger's own entitlement, what each already holds, a total, one confirmation, and each passenger's grant through
/// the one grant path with its own reference.
/// </summary>
public sealed partial class ReportDisruptionDialog
{
    private async Task<DialogTurnResult> AssessTravellersAsync(WaterfallStepContext<DisruptionReport> step, IReadOnlyList<string> who, CancellationToken cancellationToken)
    {
        var flow = step.Flow;
        var culture = step.Context.Culture();
        var assessed = new List<Assessment.Assessed>();
        var notDowngraded = new List<string>();
        foreach (var passengerId in who)
        {
            if (await IdentifyForAsync(flow, passengerId, cancellationToken).ConfigureAwait(false) is not { } claim)
            {
                return await HandOffAsync(step, CaseReason.BookingNotIdentified, cancellationToken).ConfigureAwait(false);
            }
            var assessment = await _grants.AssessAsync(claim, cancellationToken).ConfigureAwait(false);
            if (assessment is Assessment.NotRecorded && claim.Reported == Remedies.DisruptionKind.Downgrade && (assessed.Count > 0 || passengerId != who[^1]))
            {
                // A cabin is each passenger's own: who flew the cabin they booked is simply not part of the claim.
                notDowngraded.Add(claim.Passenger.FullName);
                continue;
            }
            if (assessment is not Assessment.Assessed each)
            {
                // The journey's facts are everyone's: when they are not established for one, they are not for any.
                return await TellNotEstablishedAsync(step, assessment, claim, cancellationToken).ConfigureAwait(false);
            }
            assessed.Add(each);
        }

        await FactStatements.SayAsync(step.Context, assessed[0], culture).ConfigureAwait(false);
        var proposal = assessed[0].Proposal;
        var regulation = proposal.Regulation ?? BotText.Get(culture, nameof(Strings.NoRegulation));
        var open = assessed.Where(a => a.Remedies.Count > 0).ToList();
        var total = RemedyTexts.Total(open.SelectMany(a => a.Remedies).Select(r => (r.Amount, r.Currency)), culture);
        var lines = assessed.Select(a => "• " + a.Claim.Passenger.FullName + ": " + WhatEachHas(a, culture))
            .Concat(notDowngraded.Select(name => "• " + name + ": " + BotText.Get(culture, nameof(Strings.TravellerNotDowngraded))));
        var summary = step.Context.Text(nameof(Strings.GroupOptionsIntro), regulation, proposal.PolicyVersion) + "\n" + string.Join("\n", lines)
            + (open.Count > 0 ? "\n" + step.Context.Text(nameof(Strings.GroupTotal), total) : string.Empty);
        await step.Context.SendActivityAsync(MessageFactory.Text(summary), cancellationToken).ConfigureAwait(false);
        var refunds = assessed.Select(a => a.Refund).Where(r => r is { Amount: > 0 }).Select(r => (r!.Amount, r.Currency)).ToList();
        if (refunds.Count > 0)
        {
            await Say(step, nameof(Strings.RefundAlternative), RemedyTexts.Total(refunds, culture)).ConfigureAwait(false);
        }
        if (open.Count == 0)
        {
            return await step.EndDialogAsync(flow, cancellationToken).ConfigureAwait(false);
        }
        if (assessed.Any(a => a.NeedsPerson))
        {
            await SayAsync(step, nameof(Strings.NeedsPersonApproval), cancellationToken).ConfigureAwait(false);
            return await HandOffAsync(step, CaseReason.PolicyNeedsPerson, cancellationToken, summary).ConfigureAwait(false);
        }

        flow.Proposed = null;
        flow.ShownOffer = null;
        flow.ProposedFor = open.ToDictionary(a => a.Claim.Passenger.PassengerId, a => a.Remedies.ToList(), StringComparer.Ordinal);
        var offers = open.Select(a => (a, Offer: _grants.VoucherOfferFor(a))).ToList();
        flow.VoucherOfferedTo = offers.Where(o => o.Offer is not null).Select(o => o.a.Claim.Passenger.PassengerId).ToList();
        if (offers.FirstOrDefault(o => o.Offer is not null).Offer is { } firstOffer)
        {
            // One choice for the travellers together, with the totals side by side; each passenger's voucher is their own.
            var together = new VoucherOffer(open.SelectMany(a => a.Remedies).ToList(), offers.SelectMany(o => o.Offer?.WithVouchers ?? o.a.Remedies).ToList(), firstOffer.ValidUntil);
            return await AskMoneyOrVoucherAsync(step, together, culture, cancellationToken).ConfigureAwait(false);
        }
        return await step.PromptAsync(ConfirmGrantPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.ConfirmGroupGrant), open.Count, total)),
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One passenger's line: what is open for them, what they already hold, or why nothing is due.</summary>
    private static string WhatEachHas(Assessment.Assessed assessed, CultureInfo culture)
    {
        var parts = new List<string>();
        if (assessed.Proposal.NotCoveredBy is { } article)
        {
            parts.Add(BotText.Format(culture, nameof(Strings.TravellerNotCovered), article));
        }
        if (assessed.Remedies.Count > 0)
        {
            parts.Add(string.Join(", ", assessed.Remedies.Select(r => $"{Money.Format(r.Amount, r.Currency, culture)} {DataNames.Remedy(r.Kind, culture)} ({r.Rule})")));
        }
        if (assessed.AlreadyGranted is { } existing)
        {
            parts.Add(AlreadyGrantedText(existing, culture));
        }
        return parts.Count > 0 ? string.Join("; ", parts) : BotText.Get(culture, nameof(Strings.TravellerNothingDue));
    }

    /// <summary>Each passenger's grant through the one grant path, exactly as shown to them; each is told with its reference, and the total.</summary>
    private async Task<DialogTurnResult> GrantTravellersAsync(WaterfallStepContext<DisruptionReport> step, GrantActor bot, RemedyChoice? choice, CancellationToken cancellationToken)
    {
        var flow = step.Flow;
        var culture = step.Context.Culture();
        var lines = new List<string>();
        var granted = new List<GrantedRemedy>();
        var unfinished = false;
        foreach (var (passengerId, proposed) in flow.ProposedFor!)
        {
            var claim = await IdentifyForAsync(flow, passengerId, cancellationToken).ConfigureAwait(false);
            var theirs = choice is { Voucher: true } && flow.VoucherOfferedTo?.Contains(passengerId) == true ? choice : choice is null ? null : choice with { Voucher = false };
            var outcome = claim is null
                ? new GrantOutcome.Refused(GrantRefusal.NotIdentified)
                : await _grants.GrantProposalAsync(claim, bot, proposed, caseReference: null, cancellationToken, theirs).ConfigureAwait(false);
            var name = claim?.Passenger.FullName ?? passengerId;
            switch (outcome)
            {
                case GrantOutcome.Granted done:
                    granted.AddRange(done.Entry.Remedies.Where(r => !r.AsVoucher));
                    lines.Add("• " + name + ": " + BotText.Format(culture, nameof(Strings.TravellerGranted), GrantedText(done.Entry, culture), done.Entry.Reference));
                    break;
                case GrantOutcome.AlreadyGranted already:
                    lines.Add("• " + name + ": " + AlreadyGrantedText(already.Existing, culture));
                    break;
                case GrantOutcome.Refused refused:
                    unfinished = true;
                    lines.Add("• " + name + ": " + BotText.Format(culture, nameof(Strings.TravellerNotGranted), RefusalTexts.For(refused.Reason, culture)));
                    break;
                default:
                    unfinished = true;
                    lines.Add("• " + name + ": " + BotText.Format(culture, nameof(Strings.TravellerNotGranted), BotText.Get(culture, nameof(Strings.NeedsPersonApproval))));
                    break;
            }
        }
        var told = step.Context.Text(nameof(Strings.GroupGranted)) + "\n" + string.Join("\n", lines);
        if (granted.Count > 0)
        {
            told += "\n" + step.Context.Text(nameof(Strings.GroupGrantedTotal), RemedyTexts.Total(granted.Select(r => (r.Amount, r.Currency)), culture), _promise.PaidWithinDays);
        }
        await step.Context.SendActivityAsync(MessageFactory.Text(told), cancellationToken).ConfigureAwait(false);
        return unfinished
            ? await HandOffAsync(step, CaseReason.PolicyNeedsPerson, cancellationToken, told).ConfigureAwait(false)
            : await step.EndDialogAsync(flow, cancellationToken).ConfigureAwait(false);
    }

    private static string AlreadyGrantedText(LedgerEntry existing, CultureInfo culture)
        => BotText.Format(culture, nameof(Strings.TravellerAlreadyGranted),
            RemedyTexts.Total(existing.Remedies.Select(r => (r.Amount, r.Currency)), culture), existing.GrantedUtc.ToString("d", culture), existing.Reference);

    /// <summary>"€600" for money, "voucher ABCD… worth €780, valid until …" for each voucher.</summary>
    private static string GrantedText(LedgerEntry entry, CultureInfo culture)
    {
        var parts = new List<string>();
        if (entry.Remedies.Where(r => !r.AsVoucher).ToList() is { Count: > 0 } cash)
        {
            parts.Add(RemedyTexts.Total(cash.Select(r => (r.Amount, r.Currency)), culture));
        }
        parts.AddRange(entry.Remedies.Where(r => r.AsVoucher).Select(v => BotText.Format(culture, nameof(Strings.TravellerVoucher),
            v.VoucherCode, Money.Format(v.VoucherValue ?? v.Amount, v.Currency, culture), v.VoucherValidUntil?.ToString("d", culture))));
        return string.Join(", ", parts);
    }

    /// <summary>The claim for one traveller on the booking (the claimant's own, or a co-traveller's), made by the identified claimant; looked up again each time (state keeps ids, not copies of the booking).</summary>
    private async Task<DisruptionClaim?> IdentifyForAsync(DisruptionReport flow, string? passengerId, CancellationToken cancellationToken)
    {
        var claim = await _grants.IdentifyAsync(flow.BookingReference, passengerId, null, flow.JourneyFlight, IsoDates.Parse(flow.JourneyDate),
            DisruptionKinds.ToDomain(flow.Kind), cancellationToken).ConfigureAwait(false);
        return claim is null ? null : claim with { ClaimedBy = claim.Booking.Passengers.FirstOrDefault(p => p.PassengerId == flow.PassengerId), BagFileReference = flow.BagFileReference };
    }
}
