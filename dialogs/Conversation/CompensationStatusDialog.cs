using CustomerCare.Builder;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Grants;
using CustomerCare.Localization;
using CustomerCare.Operations;

namespace CustomerCare.Conversation;

/// <summary>"Did I already get something?" — answered from the ledger, whatever channel granted it, after the booking is identified.</summary>
public sealed class CompensationStatusDialog : ComponentDialog
{
    private const string ReferencePrompt = "status.reference";
    private const string LastNamePrompt = "status.lastName";
    private readonly CompensationGrants _grants;

    public CompensationStatusDialog(CompensationGrants grants)
        : base(nameof(CompensationStatusDialog))
    {
        _grants = grants;
        AddDialog(new WaterfallDialog<DisruptionReport>("status.steps", [AskReferenceAsync, AskLastNameAsync, AnswerAsync]));
        AddDialog(new TextPrompt(ReferencePrompt, (prompt, _) => Task.FromResult(BookingReferences.Normalize(prompt.Recognized.Value) is not null)));
        AddDialog(new TextPrompt(LastNamePrompt, (prompt, _) => Task.FromResult(prompt.Recognized.Value?.Any(char.IsLetter) == true)));
    }

    private static Task<DialogTurnResult> AskReferenceAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
        => step.Flow.BookingReference is { } known
            ? step.NextAsync(known, cancellationToken)
            : step.PromptAsync(ReferencePrompt, new PromptOptions
            {
                Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.StatusAskReference))),
                RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.BookingReferenceRetry))),
                MaxAttempts = 3,
            }, cancellationToken);

    private static Task<DialogTurnResult> AskLastNameAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        if (BookingReferences.Normalize(step.Result as string) is not { } reference)
        {
            return step.EndDialogAsync(null, cancellationToken);
        }
        step.Flow.BookingReference = reference;
        return step.PromptAsync(LastNamePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.AskLastName))),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.LastNameRetry))),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        var lastName = (step.Result as string)?.Trim() ?? string.Empty;
        var reference = step.Flow.BookingReference!;
        var booking = await _grants.Operations.FindBookingAsync(reference, cancellationToken).ConfigureAwait(false);
        var passenger = booking?.Passengers.FirstOrDefault(p => NameMatch.Same(p.LastName, lastName));
        if (passenger is null)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(step.Context.Text(nameof(Strings.BookingNotFound), reference, lastName)), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var culture = step.Context.Culture();
        var entries = (await _grants.Ledger.ForBookingAsync(reference, cancellationToken).ConfigureAwait(false))
            .Where(e => e.Subject.PassengerId == passenger.PassengerId).ToList();
        var text = entries.Count == 0
            ? step.Context.Text(nameof(Strings.StatusNothing), reference)
            : step.Context.Text(nameof(Strings.StatusIntro), reference) + "\n" + string.Join("\n", entries.Select(e => "• " + step.Context.Text(nameof(Strings.StatusEntry),
                RemedyTexts.Total(e.Remedies.Select(r => (r.Amount, r.Currency)), culture), e.GrantedUtc.ToString("d", culture),
                e.Subject.FlightNumber, e.Subject.ScheduledDate.ToString("d", culture), DataNames.Channel(e.GrantedBy.Channel, culture), e.Reference)));
        await step.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
