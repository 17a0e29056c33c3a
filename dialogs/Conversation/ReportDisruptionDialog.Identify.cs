using System.Globalization;
using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Localization;
using CustomerCare.Operations;

namespace CustomerCare.Conversation;

/// <summary>Who and which journey: the passenger on the booking (by last name, and first name where it is shared), then the journey.</summary>
public sealed partial class ReportDisruptionDialog
{
    /// <summary>When several travellers on the booking share the last name, their first name tells them apart.</summary>
    private Task<DialogTurnResult> AskFirstNameIfSharedAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
        => SharedLastNameStep.AskFirstNameIfSharedAsync(step, _grants.Operations, FirstNamePrompt, cancellationToken);

    private async Task<DialogTurnResult> IdentifyAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        step.Flow.FirstName = (step.Result as string)?.Trim();
        var booking = await _grants.Operations.FindBookingAsync(step.Flow.BookingReference!, cancellationToken).ConfigureAwait(false);
        // Never the first of several: a traveller who shares a last name is identified by first name, or not at all.
        var matching = booking is null ? [] : Travellers.Matching(booking, step.Flow.LastName, step.Flow.FirstName);
        if (matching.Count > 1)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(step.Context.Text(nameof(Strings.TravellersAlike), step.Flow.BookingReference)), cancellationToken).ConfigureAwait(false);
            return await HandOffAsync(step, CaseReason.BookingNotIdentified, cancellationToken).ConfigureAwait(false);
        }
        var passenger = matching.Count == 1 ? matching[0] : null;
        if (booking is null || passenger is null)
        {
            step.Flow.IdentityAttempts++;
            if (step.Flow.IdentityAttempts >= MaxIdentityAttempts)
            {
                await SayAsync(step, nameof(Strings.IdentityGaveUp), cancellationToken).ConfigureAwait(false);
                return await HandOffAsync(step, CaseReason.BookingNotIdentified, cancellationToken).ConfigureAwait(false);
            }
            var name = step.Flow.FirstName is { } given ? given + " " + step.Flow.LastName : step.Flow.LastName;
            await step.Context.SendActivityAsync(MessageFactory.Text(step.Context.Text(nameof(Strings.BookingNotFound), step.Flow.BookingReference, name)), cancellationToken).ConfigureAwait(false);
            step.Flow.BookingReference = null;
            step.Flow.LastName = null;
            step.Flow.FirstName = null;
            return await step.RestartAsync(cancellationToken).ConfigureAwait(false);
        }

        step.Flow.PassengerId = passenger.PassengerId;
        step.Flow.Tier = passenger.Tier;
        var journeys = Journey.Of(booking);
        // A flight the booking holds twice (out on Monday, again next week) is told apart by the day the customer named, or asked.
        var onJourney = step.Flow.FlightNumber is { } flight ? Journey.Find(booking, flight, IsoDates.Parse(step.Flow.TravelDate)) : null;
        var namedElsewhere = step.Flow.FlightNumber is { } named && !journeys.Any(j => j.Includes(named));
        if (namedElsewhere)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(step.Context.Text(nameof(Strings.FlightNotOnBooking),
                step.Flow.FlightNumber, booking.RecordLocator, string.Join(", ", booking.Segments.Select(s => s.FlightNumber)))), cancellationToken).ConfigureAwait(false);
        }
        if ((journeys.Count == 1 && !namedElsewhere) || onJourney is not null)
        {
            Remember(step.Flow, onJourney ?? journeys[0]);
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }
        var culture = step.Context.Culture();
        return await step.PromptAsync(FlightPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.ChooseFlight), booking.RecordLocator)),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.ChoiceRetry))),
            // Values are the journeys' keys, not numbers: "1" from the customer means the first trip, never the trip with value "1".
            Choices = journeys.Select(j => new Choice(KeyOf(j), Describe(j, culture), j.Segments.Select(s => s.FlightNumber).ToArray())).ToList(),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ChooseFlightAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        if (step.Result is FoundChoice chosen && await _grants.Operations.FindBookingAsync(step.Flow.BookingReference!, cancellationToken).ConfigureAwait(false) is { } booking)
        {
            Remember(step.Flow, Journey.Of(booking).First(j => KeyOf(j) == chosen.Value));
        }
        return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private static string KeyOf(Journey journey) => FlightKeys.Of(journey.First.FlightNumber, journey.Date, '@');

    private static void Remember(DisruptionReport flow, Journey journey)
    {
        flow.JourneyFlight = journey.First.FlightNumber;
        flow.JourneyDate = IsoDates.Format(journey.Date);
    }

    /// <summary>"CC220 HAM→FRA, CC400 FRA→JFK Nov 17": the journey's flights and its day.</summary>
    private static string Describe(Journey journey, CultureInfo culture)
        => string.Join(", ", journey.Segments.Select(s => $"{s.FlightNumber} {s.Origin}→{s.Destination}"))
           + " " + journey.First.ScheduledDepartureUtc.ToString(culture.IsGerman() ? "dd.MM." : "MMM d", culture);
}
