using System.Text.Json;

namespace CustomerCare.Schema;

/// <summary>What the bot answers to an invoke activity: the HTTP status and body the channel receives.</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body = null);
