using CustomerCare.Builder;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Localization;
using CustomerCare.Operations;

namespace CustomerCare.Conversation;

/// <summary>
/// The waterfall step after the last name: when several travellers on the booking share it, their first name tells
/// them apart, so the step asks for it; otherwise it goes on with no first name.
/// </summary>
internal static class SharedLastNameStep
{
    public static async Task<DialogTurnResult> AskFirstNameIfSharedAsync<TFlow>(WaterfallStepContext<TFlow> step, IOperationsData operations, string firstNamePrompt, CancellationToken cancellationToken)
        where TFlow : class, ITravellerNames, new()
    {
        step.Flow.LastName = (step.Result as string)?.Trim();
        step.Flow.FirstName = null;
        var booking = await operations.FindBookingAsync(step.Flow.BookingReference!, cancellationToken).ConfigureAwait(false);
        if (booking is null || !Travellers.ShareLastName(booking, step.Flow.LastName))
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }
        return await step.PromptAsync(firstNamePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.SharedLastName), booking.RecordLocator, step.Flow.LastName)),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.LastNameRetry))),
        }, cancellationToken).ConfigureAwait(false);
    }
}
