using CustomerCare.Payouts;
using CustomerCare.Advice;
using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Dialogs;
using CustomerCare.Grants;
using CustomerCare.Localization;
using CustomerCare.Mail;
using CustomerCare.Recognition;
using CustomerCare.Schema;

namespace CustomerCare.Conversation;

/// <summary>
/// The turn: load state → the first matching route (welcome, interruption, active dialog, new intent) → save state.
/// Interruptions (help, cancel, a person) are handled here, in one place, before the active dialog continues.
/// </summary>
public sealed class CustomerCareBot : IBot
{
    public const string JoinEventName = "webchat/join";
    private readonly ConversationState<ConversationData> _conversationState;
    private readonly UserState<UserProfile> _userState;
    private readonly IRecognizer _recognizer;
    private readonly HandoffDesk _handoff;
    private readonly TimeProvider _clock;
    private readonly DialogSet _dialogs = new();
    private readonly IAgentRelay _agents;

    public CustomerCareBot(
        ConversationState<ConversationData> conversationState,
        UserState<UserProfile> userState,
        IRecognizer recognizer,
        HandoffDesk handoff,
        CompensationGrants grants,
        CatalogSet catalogs,
        TimeProvider clock,
        IAgentRelay? agents = null,
        IPayoutStore? payouts = null,
        PayoutPromise? promise = null,
        ICustomerMailer? mailer = null,
        AccountChangeRules? accountChanges = null)
    {
        _agents = agents ?? new NoAgentRelay();
        _conversationState = conversationState;
        _userState = userState;
        _recognizer = recognizer;
        _handoff = handoff;
        _clock = clock;
        _dialogs.Add(new ReportDisruptionDialog(handoff, conversationState, grants, promise));
        _dialogs.Add(new CompensationStatusDialog(grants, payouts, promise));
        _dialogs.Add(new ProductAdviceDialog(catalogs.Catalogs));
        _dialogs.Add(new CareReceiptsDialog(grants, handoff, conversationState, promise));
        if (payouts is not null && mailer is not null)
        {
            _dialogs.Add(new BankTransferDialog(grants, payouts, mailer, conversationState, clock, accountChanges, promise));
        }
    }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var conversation = await _conversationState.LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var activity = turnContext.Activity;

        if (IsJoin(activity))
        {
            await WelcomeOnceAsync(turnContext, conversation, cancellationToken).ConfigureAwait(false);
        }
        else if (activity.IsType(ActivityTypes.Message) && !await _agents.TryRelayFromCustomerAsync(turnContext, cancellationToken).ConfigureAwait(false))
        {
            await OnMessageAsync(turnContext, conversation, cancellationToken).ConfigureAwait(false);
        }

        await _conversationState.SaveChangesAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await _userState.SaveChangesAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsJoin(Activity activity)
        => (activity.IsType(ActivityTypes.Event) && activity.Name == JoinEventName)
           || (activity.IsType(ActivityTypes.ConversationUpdate)
               && activity.MembersAdded?.Any(member => member.Id != activity.Recipient?.Id) == true);

    private async Task WelcomeOnceAsync(ITurnContext turnContext, ConversationData conversation, CancellationToken cancellationToken)
    {
        if (conversation.Welcomed)
        {
            return;
        }
        conversation.Welcomed = true;
        var profile = await _userState.LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        profile.FirstSeenUtc ??= _clock.GetUtcNow().UtcDateTime;
        profile.Conversations++;
        profile.LastLocale = turnContext.Culture().Name;
        await MainMenu.SendWelcomeAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    private async Task OnMessageAsync(ITurnContext turnContext, ConversationData conversation, CancellationToken cancellationToken)
    {
        var dc = new DialogContext(_dialogs, turnContext, conversation.Dialogs);
        var text = turnContext.Activity.Text ?? string.Empty;
        var understood = MainMenu.Recognize(text)
            ?? BankTransferRequests.Recognize(text)
            ?? CareReceiptRequests.Recognize(text)
            ?? BagReports.Reroute(await _recognizer.RecognizeAsync(text, turnContext.Culture(), cancellationToken).ConfigureAwait(false));

        if (await Interruptions.TryHandleAsync(dc, understood, conversation, _handoff, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Empty)
        {
            await StartFromIntentAsync(dc, understood, conversation, cancellationToken).ConfigureAwait(false);
        }
        else if (result.Status == DialogTurnStatus.Complete)
        {
            if (result.Result is DisruptionReport { PassengerId: not null } report)
            {
                report.Proposed = null;
                conversation.LastReport = report;
            }
            await turnContext.SendActivityAsync(MainMenu.Ask(turnContext, turnContext.Text(nameof(Strings.AnythingElse))), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StartFromIntentAsync(DialogContext dc, RecognizerResult understood, ConversationData conversation, CancellationToken cancellationToken)
    {
        var turnContext = dc.Context;
        conversation.Misunderstandings = understood.Is(Intents.None) ? conversation.Misunderstandings + 1 : 0;
        switch (understood.TopIntent)
        {
            case Intents.ReportDisruption:
                await dc.BeginDialogAsync(nameof(ReportDisruptionDialog), DisruptionKinds.PrefilledReport(understood), cancellationToken).ConfigureAwait(false);
                break;
            case Intents.CompensationStatus:
                await dc.BeginDialogAsync(nameof(CompensationStatusDialog), new DisruptionReport { BookingReference = understood.First(EntityCategories.BookingReference) }, cancellationToken).ConfigureAwait(false);
                break;
            case Intents.BankTransfer when _dialogs.Find(nameof(BankTransferDialog)) is not null:
                var last = conversation.LastReport;
                await dc.BeginDialogAsync(nameof(BankTransferDialog), new BankTransferFlow { BookingReference = last?.BookingReference }, cancellationToken).ConfigureAwait(false);
                break;
            case Intents.CareReceipts:
                var report = conversation.LastReport;
                await dc.BeginDialogAsync(nameof(CareReceiptsDialog), new CareReceiptsFlow
                {
                    BookingReference = report?.BookingReference, PassengerId = report?.PassengerId, Kind = report?.Kind,
                    JourneyFlight = report?.JourneyFlight, JourneyDate = report?.JourneyDate,
                }, cancellationToken).ConfigureAwait(false);
                break;
            case Intents.ProductAdvice:
                await dc.BeginDialogAsync(nameof(ProductAdviceDialog), null, cancellationToken).ConfigureAwait(false);
                break;
            case Intents.Greeting:
                await MainMenu.SendWelcomeAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case Intents.Goodbye:
                await turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Text(nameof(Strings.Goodbye))), cancellationToken).ConfigureAwait(false);
                break;
            default:
                var key = conversation.Misunderstandings >= 2 ? nameof(Strings.TooManyAttempts) : nameof(Strings.NotUnderstood);
                await turnContext.SendActivityAsync(MainMenu.Ask(turnContext, turnContext.Text(key)), cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
