using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Localization;

namespace CustomerCare.Conversation;

/// <summary>
/// Who the claim is for. A traveller identified on the booking may claim for everyone on it, or for the travellers they
/// name; each passenger's entitlement stays their own (assessed, granted and kept to once for them), and nobody on
/// another booking can be reached from this one.
/// </summary>
public sealed partial class ReportDisruptionDialog
{
    private async Task<DialogTurnResult> AskWhoForAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        var flow = step.Flow;
        // A bag's report names its traveller: the file reference says whose bag it is.
        if (flow.Kind == DisruptionKinds.Baggage && flow.PassengerId is not null)
        {
            return await step.BeginDialogAsync(BagStepsId, flow, cancellationToken).ConfigureAwait(false);
        }
        var booking = await _grants.Operations.FindBookingAsync(flow.BookingReference!, cancellationToken).ConfigureAwait(false);
        if (booking is null || booking.Passengers.Count < 2 || flow.PassengerId is null)
        {
            flow.ForPassengers = flow.PassengerId is { } only ? [only] : null;
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }
        var culture = step.Context.Culture();
        var names = string.Join(", ", booking.Passengers.Select(p => p.FullName));
        return await step.PromptAsync(WhoForPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.AskWhoFor), booking.RecordLocator, names)),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.WhoForRetry), names)),
            Choices = TravellersPrompt.Choices(booking, flow.PassengerId, culture),
            MaxAttempts = 3,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The travellers the claim is for once the question is answered; null (a person takes over) when it never was.</summary>
    private static List<string>? WhoFor(WaterfallStepContext<DisruptionReport> step)
    {
        if (step.Result is List<string> chosen)
        {
            step.Flow.ForPassengers = chosen;
        }
        if (step.Result is DisruptionReport bag)
        {
            // Back from the bag's questions: the report found, whose bag it is, and what the customer said and sent.
            (step.Flow.BagFileReference, step.Flow.BagFileAttempts, step.Flow.BagFileTried, step.Flow.BagDetails, step.Flow.BagPhotoUrl)
                = (bag.BagFileReference, bag.BagFileAttempts, bag.BagFileTried, bag.BagDetails, bag.BagPhotoUrl);
            step.Flow.ForPassengers = bag.BagFileReference is null ? null : bag.ForPassengers;
        }
        return step.Flow.ForPassengers;
    }
}
