using System.Collections.Concurrent;
using System.Globalization;
using CustomerCare.Builder;
using CustomerCare.Schema;

namespace CustomerCare.Tests.Support;

/// <summary>A Connector that records what the bot sent, in order, and gives each activity an id.</summary>
public sealed class RecordingConnector : IConnectorClient
{
    private int _next;

    public ConcurrentQueue<Activity> Sent { get; } = new();

    public Task<ResourceResponse> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken) => Record(activity);

    public Task<ResourceResponse> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) => Record(activity);

    public Task<ResourceResponse> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) => Record(activity);

    public Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ConversationResourceResponse> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken)
        => Task.FromResult(new ConversationResourceResponse("new-conversation", null, null));

    private Task<ResourceResponse> Record(Activity activity)
    {
        var id = "sent-" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        Sent.Enqueue(activity);
        return Task.FromResult(new ResourceResponse(id));
    }
}
