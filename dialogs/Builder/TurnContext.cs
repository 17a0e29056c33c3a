using CustomerCare.Diagnostics;
using CustomerCare.Schema;

namespace CustomerCare.Builder;

/// <summary>The turn context: addresses outgoing activities from the incoming one and sends them through the connector.</summary>
public sealed class TurnContext : ITurnContext
{
    private readonly IConnectorClient _connector;
    private readonly TimeProvider _clock;
    private readonly List<SendActivitiesHandler> _onSend = [];
    private readonly List<UpdateActivityHandler> _onUpdate = [];

    public TurnContext(Activity activity, IConnectorClient connector, TimeProvider clock)
    {
        Activity = activity;
        _connector = connector;
        _clock = clock;
        Services.Set(connector);
    }

    public Activity Activity { get; }

    public bool Responded { get; private set; }

    public TurnServices Services { get; } = new();

    public InvokeResponse? InvokeResponse { get; set; }

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        var responses = await SendActivitiesAsync([activity], cancellationToken).ConfigureAwait(false);
        return responses.Length > 0 ? responses[0] : new ResourceResponse(null);
    }

    public Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var addressed = activities.Select(Address).ToList();
        return RunSendHandlersAsync(0, addressed, () => DeliverAsync(addressed, cancellationToken));
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        var addressed = Address(activity);
        return RunUpdateHandlersAsync(0, addressed, () => _connector.UpdateActivityAsync(
            addressed.Conversation!.Id!, addressed.Id ?? throw new ArgumentException("An update needs the activity's id.", nameof(activity)), addressed, cancellationToken));
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken)
        => _connector.DeleteActivityAsync(Activity.Conversation!.Id!, activityId, cancellationToken);

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        _onSend.Add(handler);
        return this;
    }

    public ITurnContext OnUpdateActivity(UpdateActivityHandler handler)
    {
        _onUpdate.Add(handler);
        return this;
    }

    private Task<ResourceResponse[]> RunSendHandlersAsync(int index, IReadOnlyList<Activity> activities, Func<Task<ResourceResponse[]>> deliver)
        => index == _onSend.Count
            ? deliver()
            : _onSend[index](this, activities, () => RunSendHandlersAsync(index + 1, activities, deliver));

    private Task<ResourceResponse> RunUpdateHandlersAsync(int index, Activity activity, Func<Task<ResourceResponse>> deliver)
        => index == _onUpdate.Count
            ? deliver()
            : _onUpdate[index](this, activity, () => RunUpdateHandlersAsync(index + 1, activity, deliver));

    private async Task<ResourceResponse[]> DeliverAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            if (activity.IsType(ActivityTypes.InvokeResponse))
            {
                InvokeResponse = activity.Value is { } body ? ReadInvokeResponse(body) : new InvokeResponse(200);
                responses[i] = new ResourceResponse(null);
                continue;
            }

            var conversationId = activity.Conversation!.Id!;
            using var span = CustomerCareTelemetry.Source.StartActivity(SpanNames.Send)?
                .SetTag(TelemetryTags.ActivityType, TelemetryTags.TypeOf(activity)).SetTag(TelemetryTags.Channel, TelemetryTags.ChannelOf(activity.ChannelId))
                .SetTag(TelemetryTags.Connector, _connector.GetType().Name);
            responses[i] = activity.ReplyToId is { Length: > 0 } replyToId
                ? await _connector.ReplyToActivityAsync(conversationId, replyToId, activity, cancellationToken).ConfigureAwait(false)
                : await _connector.SendToConversationAsync(conversationId, activity, cancellationToken).ConfigureAwait(false);
            activity.Id ??= responses[i].Id;
            if (!activity.IsType(ActivityTypes.Trace))
            {
                Responded = true;
            }
        }
        return responses;
    }

    private static InvokeResponse ReadInvokeResponse(System.Text.Json.JsonElement body)
        => System.Text.Json.JsonSerializer.Deserialize(body, ProtocolJsonContext.Default.InvokeResponse) ?? new InvokeResponse(200);

    /// <summary>Fills in what the SDK's ApplyConversationReference fills in: addresses, channel, reply-to and time.</summary>
    private Activity Address(Activity activity)
    {
        var incoming = Activity;
        activity.Type ??= ActivityTypes.Message;
        activity.ChannelId ??= incoming.ChannelId;
        activity.ServiceUrl ??= incoming.ServiceUrl;
        activity.Conversation ??= incoming.Conversation;
        activity.From ??= incoming.Recipient is null ? null : new ChannelAccount { Id = incoming.Recipient.Id, Name = incoming.Recipient.Name, Role = RoleTypes.Bot };
        activity.Recipient ??= incoming.From is null ? null : new ChannelAccount { Id = incoming.From.Id, Name = incoming.From.Name, Role = RoleTypes.User };
        activity.Locale ??= incoming.Locale;
        activity.Timestamp ??= _clock.GetUtcNow();
        if (activity.ReplyToId is null && !activity.IsType(ActivityTypes.Trace) && incoming.Id is not null && !incoming.IsType(ActivityTypes.ConversationUpdate))
        {
            activity.ReplyToId = incoming.Id;
        }
        return activity;
    }
}
