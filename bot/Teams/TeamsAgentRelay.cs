using CustomerCare.Payouts;
using System.Globalization;
using CustomerCare.Bot.DirectLine;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Ledger;
using CustomerCare.Localization;
using CustomerCare.Privacy;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Teams;

/// <summary>
/// The live relay between a customer's conversation and the agent's Teams thread: customer messages go to the
/// thread; agent messages reach the customer marked with the agent's name; joining, leaving and the rating
/// are told to the customer.
/// </summary>
public sealed class TeamsAgentRelay(ICaseStore cases, ChannelConnectors connectors, TranscriptLog transcript, TimeProvider clock, PayoutPromise? promise = null) : IAgentRelay
{
    public async Task<bool> TryRelayFromCustomerAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.ChannelId is null || activity.Conversation?.Id is null)
        {
            return false;
        }
        if (await cases.HeldForCustomerAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken).ConfigureAwait(false) is not { } held)
        {
            return await TryTakeCallbackAddressAsync(turnContext, activity.ChannelId, activity.Conversation.Id, cancellationToken).ConfigureAwait(false);
        }
        if (held.Status == CaseStatus.Rating)
        {
            if (int.TryParse(activity.Text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var rating) && rating is >= 1 and <= 5)
            {
                await cases.TryMoveAsync(held.Case.Reference, CaseStatus.Closed, rating, cancellationToken).ConfigureAwait(false);
                await turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Text(nameof(Strings.RatingThanks), rating)), cancellationToken).ConfigureAwait(false);
                return true;
            }
            await cases.TryMoveAsync(held.Case.Reference, CaseStatus.Closed, null, cancellationToken).ConfigureAwait(false);
            return false;
        }
        if (held.Thread is { } thread)
        {
            await connectors.For(thread.ServiceUrl).SendToConversationAsync(thread.ThreadId, new Activity
            {
                Type = ActivityTypes.Message,
                Text = $"Customer: {activity.Text}",
                From = new ChannelAccount { Id = thread.BotId },
                Conversation = new ConversationAccount { Id = thread.ThreadId },
            }, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>An e-mail address written while a case waits is kept on the case for the callback.</summary>
    private async Task<bool> TryTakeCallbackAddressAsync(ITurnContext turnContext, string channelId, string conversationId, CancellationToken cancellationToken)
    {
        if (SensitiveDataMask.EmailAddress().Match(turnContext.Activity.Text ?? string.Empty) is not { Success: true } email
            || await cases.OpenForCustomerAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false) is not { } open)
        {
            return false;
        }
        await cases.SetCallbackEmailAsync(open.Reference, email.Value, cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Text(nameof(Strings.CallbackNoted), email.Value, open.Reference)), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Tells the customer, in their language, what a person granted them and its reference.</summary>
    public Task TellCustomerGrantedAsync(CaseFile caseFile, LedgerEntry entry, string agentName, CancellationToken cancellationToken)
    {
        var culture = Locales.For(caseFile.Locale);
        var what = string.Join(", ", entry.Remedies.Select(r => Money.Format(r.Amount, r.Currency, culture)));
        return TellCustomerAsync(caseFile, BotText.Format(culture, nameof(Strings.AgentGranted), agentName, what, entry.Reference, (promise ?? PayoutPromise.Default).PaidWithinDays), agentName, null, cancellationToken);
    }

    /// <summary>Tells the customer something in their own conversation, from the bot or in the agent's name; it goes into the customer's transcript.</summary>
    public async Task TellCustomerAsync(CaseFile caseFile, string text, string? asName, SuggestedActions? suggestions, CancellationToken cancellationToken)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            TextFormat = TextFormats.Plain,
            ChannelId = caseFile.ChannelId,
            Locale = caseFile.Locale,
            From = new ChannelAccount { Id = caseFile.CustomerBotId, Name = asName, Role = RoleTypes.Bot },
            Recipient = new ChannelAccount { Id = caseFile.CustomerId, Role = RoleTypes.User },
            Conversation = new ConversationAccount { Id = caseFile.ConversationId },
            SuggestedActions = suggestions,
            ChannelData = asName is null ? null : AgentTurn.ChannelData(asName),
            Timestamp = clock.GetUtcNow(),
        };
        var sent = await connectors.For(caseFile.CustomerServiceUrl ?? DirectLineChannel.ServiceUrl).SendToConversationAsync(caseFile.ConversationId, activity, cancellationToken).ConfigureAwait(false);
        activity.Id ??= sent.Id;
        await transcript.AppendAsync(activity, cancellationToken).ConfigureAwait(false);
    }
}
