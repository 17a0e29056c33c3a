using System.Globalization;
using CustomerCare.Bot.DirectLine;
using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Localization;
using CustomerCare.Privacy;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Teams;

/// <summary>
/// The live relay between a customer's conversation and the agent's Teams thread: customer messages go to the
/// thread; agent messages reach the customer marked with the agent's name; joining, leaving and the rating
/// are told to the customer.
/// </summary>
public sealed class TeamsAgentRelay(LiteDbCaseStore cases, ChannelConnectors connectors, TranscriptLog transcript, TimeProvider clock) : IAgentRelay
{
    public async Task<bool> TryRelayFromCustomerAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.ChannelId is null || activity.Conversation?.Id is null)
        {
            return false;
        }
        if (cases.HeldForCustomer(activity.ChannelId, activity.Conversation.Id) is not { } held)
        {
            return await TryTakeCallbackAddressAsync(turnContext, activity.ChannelId, activity.Conversation.Id, cancellationToken).ConfigureAwait(false);
        }
        if (held.Status == "rating")
        {
            if (int.TryParse(activity.Text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var rating) && rating is >= 1 and <= 5)
            {
                await cases.SetStatusAsync(held.Case.Reference, "closed", rating).ConfigureAwait(false);
                await turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Text(nameof(Strings.RatingThanks), rating)), cancellationToken).ConfigureAwait(false);
                return true;
            }
            await cases.SetStatusAsync(held.Case.Reference, "closed").ConfigureAwait(false);
            return false;
        }
        if (held.AgentThreadId is { } thread && held.AgentServiceUrl is { } serviceUrl)
        {
            await connectors.For(serviceUrl).SendToConversationAsync(thread, new Activity
            {
                Type = ActivityTypes.Message,
                Text = $"Customer: {activity.Text}",
                From = new ChannelAccount { Id = held.AgentBotId },
                Conversation = new ConversationAccount { Id = thread },
            }, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>An e-mail address written while a case waits is kept on the case for the callback.</summary>
    private async Task<bool> TryTakeCallbackAddressAsync(ITurnContext turnContext, string channelId, string conversationId, CancellationToken cancellationToken)
    {
        if (SensitiveDataMask.EmailAddress().Match(turnContext.Activity.Text ?? string.Empty) is not { Success: true } email || cases.OpenForCustomer(channelId, conversationId) is not { } open)
        {
            return false;
        }
        await cases.SetFieldAsync(open.Reference, "callbackEmail", email.Value).ConfigureAwait(false);
        await turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Text(nameof(Strings.CallbackNoted), email.Value, open.Reference)), cancellationToken).ConfigureAwait(false);
        return true;
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
        transcript.Append(activity);
    }
}
