using CustomerCare.Schema;

namespace CustomerCare.Builder;

/// <summary>
/// The Bot Connector operations a turn needs (send, reply, update, delete, create conversation).
/// The HTTP client speaks the REST API to a channel's serviceUrl; the built-in Direct Line answers in-process.
/// </summary>
public interface IConnectorClient
{
    Task<ResourceResponse> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken);

    Task<ConversationResourceResponse> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken);
}
