namespace CustomerCare.Bot.DirectLine;

/// <summary>What a valid Direct Line token grants: one conversation, for one user.</summary>
public sealed record DirectLineToken(string ConversationId, string? UserId, DateTimeOffset ExpiresAt);
