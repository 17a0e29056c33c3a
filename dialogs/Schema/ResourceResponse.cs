namespace CustomerCare.Schema;

/// <summary>The Connector's answer to a send, reply or update: the id the channel gave the activity.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>The Connector's answer to creating a conversation.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>The body of POST /v3/conversations.</summary>
public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public string? TenantId { get; set; }
    public Activity? Activity { get; set; }
    public System.Text.Json.JsonElement? ChannelData { get; set; }
}
