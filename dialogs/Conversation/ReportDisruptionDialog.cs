using System.Globalization;
using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Grants;
using CustomerCare.Localization;
using CustomerCare.Operations;

namespace CustomerCare.Conversation;

/// <summary>
/// A disruption report: what happened → the booking (record locator and last name; three failed matches hand over
/// to a person) → the affected journey → what the operations data shows → the ledger → the options the policy gives,
/// with reasons → the customer confirms → the grant through the one grant path, and the reference once it is durable.
/// </summary>
public sealed partial class ReportDisruptionDialog : ComponentDialog
{
    public const string StepsId = "disruption.steps";
    private const string KindPrompt = "disruption.kind";
    private const string ReferencePrompt = "disruption.reference";
    private const string LastNamePrompt = "disruption.lastName";
    private const string FlightPrompt = "disruption.flight";
    private const string ConfirmGrantPrompt = "disruption.confirmGrant";
    private const int MaxIdentityAttempts = 3;
    private readonly HandoffDesk _handoff;
    private readonly ConversationState<ConversationData> _conversationState;
    private readonly CompensationGrants _grants;

    public ReportDisruptionDialog(HandoffDesk handoff, ConversationState<ConversationData> conversationState, CompensationGrants grants)
        : base(nameof(ReportDisruptionDialog))
    {
        _handoff = handoff;
        _conversationState = conversationState;
        _grants = grants;
        AddDialog(new WaterfallDialog<DisruptionReport>(StepsId,
            [AskKindAsync, AskReferenceAsync, AskLastNameAsync, IdentifyAsync, ChooseFlightAsync, AssessAsync, GrantAsync]));
        AddDialog(new ChoicePrompt(KindPrompt));
        AddDialog(new TextPrompt(ReferencePrompt, (prompt, _) => Task.FromResult(BookingReferences.Normalize(prompt.Recognized.Value) is not null)));
        AddDialog(new TextPrompt(LastNamePrompt, (prompt, _) => Task.FromResult(prompt.Recognized.Value?.Any(char.IsLetter) == true)));
        AddDialog(new ChoicePrompt(FlightPrompt));
        AddDialog(new ConfirmPrompt(ConfirmGrantPrompt));
    }

    private static Task<DialogTurnResult> AskKindAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        if (step.Flow.Kind is not null)
        {
            return step.NextAsync(null, cancellationToken);
        }
        return step.PromptAsync(KindPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.AskDisruptionKind))),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.ChoiceRetry))),
            Choices = DisruptionKinds.Choices(step.Context.Culture()),
        }, cancellationToken);
    }

    private static Task<DialogTurnResult> AskReferenceAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        if (step.Result is FoundChoice kind)
        {
            step.Flow.Kind = kind.Value;
        }
        if (step.Flow.BookingReference is { } known)
        {
            return step.NextAsync(known, cancellationToken);
        }
        return step.PromptAsync(ReferencePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.AskBookingReference))),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.BookingReferenceRetry))),
            MaxAttempts = 3,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskLastNameAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        if (BookingReferences.Normalize(step.Result as string) is not { } reference)
        {
            step.Flow.NeedsPerson = true;
            await SayAsync(step, nameof(Strings.ReferenceGaveUp), cancellationToken).ConfigureAwait(false);
            return await HandOffAsync(step, CaseReason.RepeatedMisunderstanding, cancellationToken).ConfigureAwait(false);
        }
        step.Flow.BookingReference = reference;
        return await step.PromptAsync(LastNamePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.AskLastName))),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.LastNameRetry))),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> IdentifyAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        step.Flow.LastName = (step.Result as string)?.Trim();
        var booking = await _grants.Operations.FindBookingAsync(step.Flow.BookingReference!, cancellationToken).ConfigureAwait(false);
        var passenger = booking?.Passengers.FirstOrDefault(p => NameMatch.Same(p.LastName, step.Flow.LastName ?? string.Empty));
        if (booking is null || passenger is null)
        {
            step.Flow.IdentityAttempts++;
            if (step.Flow.IdentityAttempts >= MaxIdentityAttempts)
            {
                await SayAsync(step, nameof(Strings.IdentityGaveUp), cancellationToken).ConfigureAwait(false);
                return await HandOffAsync(step, CaseReason.BookingNotIdentified, cancellationToken).ConfigureAwait(false);
            }
            await step.Context.SendActivityAsync(MessageFactory.Text(step.Context.Text(nameof(Strings.BookingNotFound), step.Flow.BookingReference, step.Flow.LastName)), cancellationToken).ConfigureAwait(false);
            step.Flow.BookingReference = null;
            step.Flow.LastName = null;
            return await step.RestartAsync(cancellationToken).ConfigureAwait(false);
        }

        step.Flow.PassengerId = passenger.PassengerId;
        step.Flow.Tier = passenger.Tier;
        var journeys = Journey.Of(booking);
        var named = step.Flow.FlightNumber is { } flight ? journeys.FirstOrDefault(j => j.Includes(flight)) : null;
        var namedElsewhere = step.Flow.FlightNumber is not null && named is null;
        if (namedElsewhere)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(step.Context.Text(nameof(Strings.FlightNotOnBooking),
                step.Flow.FlightNumber, booking.RecordLocator, string.Join(", ", booking.Segments.Select(s => s.FlightNumber)))), cancellationToken).ConfigureAwait(false);
        }
        if ((journeys.Count == 1 && !namedElsewhere) || named is not null)
        {
            Remember(step.Flow, named ?? journeys[0]);
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }
        var culture = step.Context.Culture();
        return await step.PromptAsync(FlightPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.ChooseFlight), booking.RecordLocator)),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.ChoiceRetry))),
            Choices = journeys.Select((j, i) => new Choice(i.ToString(CultureInfo.InvariantCulture), Describe(j, culture), j.Segments.Select(s => s.FlightNumber).ToArray())).ToList(),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ChooseFlightAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        if (step.Result is FoundChoice chosen && await _grants.Operations.FindBookingAsync(step.Flow.BookingReference!, cancellationToken).ConfigureAwait(false) is { } booking)
        {
            Remember(step.Flow, Journey.Of(booking)[int.Parse(chosen.Value, CultureInfo.InvariantCulture)]);
        }
        return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private static void Remember(DisruptionReport flow, Journey journey)
    {
        flow.JourneyFlight = journey.First.FlightNumber;
        flow.JourneyDate = journey.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>"CC220 HAM→FRA, CC400 FRA→JFK Nov 17": the journey's flights and its day.</summary>
    private static string Describe(Journey journey, CultureInfo culture)
        => string.Join(", ", journey.Segments.Select(s => $"{s.FlightNumber} {s.Origin}→{s.Destination}"))
           + " " + journey.First.ScheduledDepartureUtc.ToString(culture.IsGerman() ? "dd.MM." : "MMM d", culture);

    private static Task SayAsync(WaterfallStepContext<DisruptionReport> step, string key, CancellationToken cancellationToken)
        => step.Context.SendActivityAsync(MessageFactory.Text(step.Context.Text(key)), cancellationToken);

    private async Task<DialogTurnResult> HandOffAsync(WaterfallStepContext<DisruptionReport> step, CaseReason reason, CancellationToken cancellationToken)
    {
        var conversation = await _conversationState.LoadAsync(step.Context, cancellationToken).ConfigureAwait(false);
        await _handoff.HandToPersonAsync(step.Context, conversation, reason, step.Flow, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
