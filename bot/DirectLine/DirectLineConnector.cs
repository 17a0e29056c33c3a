using CustomerCare.Builder;
using CustomerCare.Schema;

namespace CustomerCare.Bot.DirectLine;

/// <summary>The Connector for the built-in Direct Line: the bot's activities go straight into the conversation's stream.</summary>
public sealed class DirectLineConnector(DirectLineConversations conversations) : IConnectorClient
{
    public Task<ResourceResponse> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var appended = Conversation(conversationId).Append(activity);
        return Task.FromResult(new ResourceResponse(appended.Id));
    }

    public Task<ResourceResponse> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        var conversation = Conversation(conversationId);
        if (!conversation.Contains(activityId))
        {
            activity.ReplyToId = null;
        }
        return Task.FromResult(new ResourceResponse(conversation.Append(activity).Id));
    }

    public Task<ResourceResponse> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        if (!Conversation(conversationId).Replace(activityId, activity))
        {
            throw new KeyNotFoundException($"The activity '{activityId}' is not in conversation '{conversationId}'.");
        }
        return Task.FromResult(new ResourceResponse(activityId));
    }

    public Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var tombstone = new Activity { Type = ActivityTypes.MessageDelete, Conversation = new ConversationAccount { Id = conversationId } };
        Conversation(conversationId).Replace(activityId, tombstone);
        return Task.CompletedTask;
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken)
        => throw new NotSupportedException("Direct Line conversations are started by the client, not by the bot.");

    private DirectLineConversation Conversation(string conversationId)
        => conversations.Find(conversationId) ?? throw new KeyNotFoundException($"No Direct Line conversation '{conversationId}'.");
}
