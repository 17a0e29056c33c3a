using CustomerCare.Builder;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Grants;
using CustomerCare.Localization;
using CustomerCare.Mail;
using CustomerCare.Operations;
using CustomerCare.Payouts;

namespace CustomerCare.Conversation;

/// <summary>
/// "Pay me by bank transfer": the booking and traveller → the payouts that can still go to another account (finance
/// has not got them, or turned them down) → a one-time code to the booking's e-mail address, three tries, and it
/// expires → the IBAN, checked → the account holder → the customer confirms → the payouts go to that account.
/// </summary>
public sealed partial class BankTransferDialog : ComponentDialog
{
    private const string ReferencePrompt = "transfer.reference";
    private const string LastNamePrompt = "transfer.lastName";
    private const string FirstNamePrompt = "transfer.firstName";
    private const string CodePrompt = "transfer.code";
    private const string CodeSteps = "transfer.codeSteps";
    private const string IbanPrompt = "transfer.iban";
    private const string HolderPrompt = "transfer.holder";
    private const string ConfirmPrompt = "transfer.confirm";
    private readonly CompensationGrants _grants;
    private readonly IPayoutStore _payouts;
    private readonly ICustomerMailer _mailer;
    private readonly ConversationState<ConversationData> _conversationState;
    private readonly AccountChangeRules _rules;
    private readonly PayoutPromise _promise;
    private readonly TimeProvider _clock;

    public BankTransferDialog(CompensationGrants grants, IPayoutStore payouts, ICustomerMailer mailer, ConversationState<ConversationData> conversationState,
        TimeProvider clock, AccountChangeRules? rules = null, PayoutPromise? promise = null)
        : base(nameof(BankTransferDialog))
    {
        _grants = grants;
        _payouts = payouts;
        _mailer = mailer;
        _conversationState = conversationState;
        _clock = clock;
        _rules = rules ?? AccountChangeRules.Default;
        _promise = promise ?? PayoutPromise.Default;
        AddDialog(new WaterfallDialog<BankTransferFlow>("transfer.steps",
            [AskReferenceAsync, AskLastNameAsync, AskFirstNameIfSharedAsync, SendCodeAsync, AskIbanAsync, AskHolderAsync, ConfirmAsync, ChangeAsync]));
        AddDialog(new WaterfallDialog<OneTimeCode>(CodeSteps, [AskCodeAsync, CheckCodeAsync]));
        AddDialog(new TextPrompt(ReferencePrompt, (prompt, _) => Task.FromResult(BookingReferences.Normalize(prompt.Recognized.Value) is not null)));
        AddDialog(new TextPrompt(LastNamePrompt, (prompt, _) => Task.FromResult(prompt.Recognized.Value?.Any(char.IsLetter) == true)));
        AddDialog(new TextPrompt(FirstNamePrompt, (prompt, _) => Task.FromResult(prompt.Recognized.Value?.Any(char.IsLetter) == true)));
        AddDialog(new TextPrompt(CodePrompt));
        AddDialog(new TextPrompt(IbanPrompt, (prompt, cancellation) => Task.FromResult(Iban.TryFind(prompt.Recognized.Value, out var _))));
        AddDialog(new TextPrompt(HolderPrompt, (prompt, _) => Task.FromResult(BankAccount.HolderName(prompt.Recognized.Value) is not null)));
        AddDialog(new ConfirmPrompt(ConfirmPrompt));
    }

    private static Task<DialogTurnResult> AskReferenceAsync(WaterfallStepContext<BankTransferFlow> step, CancellationToken cancellationToken)
        => TravellerSteps.AskReferenceAsync(step, ReferencePrompt, nameof(Strings.TransferAskReference), cancellationToken);

    private static Task<DialogTurnResult> AskLastNameAsync(WaterfallStepContext<BankTransferFlow> step, CancellationToken cancellationToken)
        => TravellerSteps.AskLastNameAsync(step, LastNamePrompt, cancellationToken);

    private Task<DialogTurnResult> AskFirstNameIfSharedAsync(WaterfallStepContext<BankTransferFlow> step, CancellationToken cancellationToken)
        => SharedLastNameStep.AskFirstNameIfSharedAsync(step, _grants.Operations, FirstNamePrompt, cancellationToken);

    /// <summary>Finds the traveller's payouts that can still change, and sends the code to the booking's e-mail address.</summary>
    private async Task<DialogTurnResult> SendCodeAsync(WaterfallStepContext<BankTransferFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.Flow;
        var firstName = (step.Result as string)?.Trim();
        var booking = await _grants.Operations.FindBookingAsync(flow.BookingReference!, cancellationToken).ConfigureAwait(false);
        var matching = booking is null ? [] : Travellers.Matching(booking, flow.LastName ?? string.Empty, firstName);
        if (booking is null || matching.Count != 1)
        {
            var name = firstName is null ? flow.LastName : firstName + " " + flow.LastName;
            return await EndSayingAsync(step, matching.Count > 1 ? nameof(Strings.StatusTravellersAlike) : nameof(Strings.BookingNotFound), cancellationToken, flow.BookingReference, name).ConfigureAwait(false);
        }
        var passenger = matching[0];
        var changeable = await ChangeableAsync(booking.RecordLocator, passenger.PassengerId, cancellationToken).ConfigureAwait(false);
        if (changeable.Count == 0)
        {
            return await EndSayingAsync(step, nameof(Strings.TransferNothingToChange), cancellationToken, booking.RecordLocator).ConfigureAwait(false);
        }
        if (booking.EmailFor(passenger) is not { } email)
        {
            return await EndSayingAsync(step, nameof(Strings.TransferNoEmail), cancellationToken, booking.RecordLocator).ConfigureAwait(false);
        }
        var conversation = await _conversationState.LoadAsync(step.Context, cancellationToken).ConfigureAwait(false);
        if (conversation.CodesSent >= _rules.MaxCodesPerConversation)
        {
            return await EndSayingAsync(step, nameof(Strings.TransferTooManyCodes), cancellationToken, _rules.MaxCodesPerConversation).ConfigureAwait(false);
        }
        var culture = step.Context.Culture();
        flow.References = changeable.Select(p => p.Reference).ToList();
        // Counted on the payouts, so new conversations do not buy new guesses.
        if (!await _payouts.TryRecordCodeAsync(flow.References, _clock.GetUtcNow().UtcDateTime, _rules.MaxCodesPerPayoutPerDay, cancellationToken).ConfigureAwait(false))
        {
            return await EndSayingAsync(step, nameof(Strings.TransferCodesToday), cancellationToken, _rules.MaxCodesPerPayoutPerDay).ConfigureAwait(false);
        }
        flow.Total = RemedyTexts.Total(changeable.SelectMany(p => p.Instruction.Amounts).Select(a => (a.Amount, a.Currency)), culture);
        var (digits, code) = OneTimeCode.Issue(_clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(_rules.CodeLifetimeMinutes));
        try
        {
            await _mailer.SendAsync(new CustomerMail(email, step.Context.Text(nameof(Strings.TransferCodeMailSubject)),
                step.Context.Text(nameof(Strings.TransferCodeMailBody), digits, booking.RecordLocator, _rules.CodeLifetimeMinutes)), cancellationToken).ConfigureAwait(false);
        }
        catch (MailNotSentException)
        {
            return await EndSayingAsync(step, nameof(Strings.TransferMailFailed), cancellationToken).ConfigureAwait(false);
        }
        conversation.CodesSent++;
        await Say(step, nameof(Strings.TransferCodeSent), MaskedAddress.Of(email), _rules.CodeLifetimeMinutes).ConfigureAwait(false);
        return await step.BeginDialogAsync(CodeSteps, code, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<PayoutState>> ChangeableAsync(string booking, string passengerId, CancellationToken cancellationToken)
    {
        var changeable = new List<PayoutState>();
        foreach (var entry in await _grants.Ledger.ForBookingAsync(booking, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Subject.PassengerId == passengerId
                && await _payouts.FindAsync(entry.Reference, cancellationToken).ConfigureAwait(false) is { AccountChangeable: true } payout)
            {
                changeable.Add(payout);
            }
        }
        return changeable;
    }

    private static Task<DialogTurnResult> AskCodeAsync(WaterfallStepContext<OneTimeCode> step, CancellationToken cancellationToken)
        => step.PromptAsync(CodePrompt, new PromptOptions(), cancellationToken);

    private async Task<DialogTurnResult> CheckCodeAsync(WaterfallStepContext<OneTimeCode> step, CancellationToken cancellationToken)
    {
        var verdict = step.Flow.Check(step.Result as string, _clock.GetUtcNow().UtcDateTime);
        if (verdict != CodeVerdict.Wrong)
        {
            return await step.EndDialogAsync(verdict, cancellationToken).ConfigureAwait(false);
        }
        await Say(step.Context, nameof(Strings.TransferCodeWrong), step.Flow.TriesLeft).ConfigureAwait(false);
        return await step.RestartAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> EndSayingAsync(WaterfallStepContext<BankTransferFlow> step, string key, CancellationToken cancellationToken, params object?[] args)
    {
        await Say(step.Context, key, args).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private static Task Say(WaterfallStepContext<BankTransferFlow> step, string key, params object?[] args) => Say(step.Context, key, args);

    private static Task Say(ITurnContext context, string key, params object?[] args)
        => context.SendActivityAsync(MessageFactory.Text(context.Text(key, args)), CancellationToken.None);
}
