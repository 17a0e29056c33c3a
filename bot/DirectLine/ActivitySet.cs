using System.Text.Json.Serialization;
using CustomerCare.Schema;

namespace CustomerCare.Bot.DirectLine;

/// <summary>Activities after a watermark, as Direct Line returns them from GET activities and over the WebSocket.</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string? Watermark);

/// <summary>The Direct Line conversation object: id, a fresh token and where to stream.</summary>
public sealed record DirectLineConversationInfo(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl,
    string? ReferenceGrammarId = null);

/// <summary>The token endpoint's answer to the Web Chat page.</summary>
public sealed record WebChatToken(
    string Token,
    string ConversationId,
    string UserId,
    [property: JsonPropertyName("expires_in")] int ExpiresIn)
{
    /// <summary>The Direct Line the token is for, when it is not the bot's own (the page connects there).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Domain { get; init; }
}

public sealed record TokenRequestUser(string? Id, string? Name);

public sealed record TokenRequest(TokenRequestUser? User);
