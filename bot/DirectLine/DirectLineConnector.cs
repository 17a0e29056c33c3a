using CustomerCare.Builder;
using CustomerCare.Schema;

namespace CustomerCare.Bot.DirectLine;

/// <summary>The Connector for the built-in Direct Line: the bot's activities go straight into the conversation's stream.</summary>
public sealed class DirectLineConnector(DirectLineConversations conversations) : IConnectorClient
{
    public async Task<ResourceResponse> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var appended = (await ConversationAsync(conversationId).ConfigureAwait(false)).Append(activity);
        return new ResourceResponse(appended.Id);
    }

    public async Task<ResourceResponse> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        var conversation = await ConversationAsync(conversationId).ConfigureAwait(false);
        if (!conversation.Contains(activityId))
        {
            activity.ReplyToId = null;
        }
        return new ResourceResponse(conversation.Append(activity).Id);
    }

    public async Task<ResourceResponse> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        if (!(await ConversationAsync(conversationId).ConfigureAwait(false)).Replace(activityId, activity))
        {
            throw new KeyNotFoundException($"The activity '{activityId}' is not in conversation '{conversationId}'.");
        }
        return new ResourceResponse(activityId);
    }

    public async Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var tombstone = new Activity { Type = ActivityTypes.MessageDelete, Conversation = new ConversationAccount { Id = conversationId } };
        (await ConversationAsync(conversationId).ConfigureAwait(false)).Replace(activityId, tombstone);
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken)
        => throw new NotSupportedException("Direct Line conversations are started by the client, not by the bot.");

    private async Task<DirectLineConversation> ConversationAsync(string conversationId)
        => await conversations.FindAsync(conversationId).ConfigureAwait(false) ?? throw new KeyNotFoundException($"No Direct Line conversation '{conversationId}'.");
}
