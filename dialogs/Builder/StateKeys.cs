using CustomerCare.Schema;

namespace CustomerCare.Builder;

/// <summary>Where state is stored for an activity.</summary>
public static class StateKeys
{
    /// <summary>The key of the activity's conversation state, or null when it names no channel or conversation.</summary>
    public static string? ConversationOf(Activity activity)
        => activity.ChannelId is { } channel && activity.Conversation?.Id is { } conversation
            ? Conversation(channel, conversation)
            : null;

    /// <summary>The key of the activity's user state (shared by that user's conversations on the channel), or null.</summary>
    public static string? UserOf(Activity activity)
        => activity.ChannelId is { } channel && activity.From?.Id is { } user ? User(channel, user) : null;

    /// <summary>The key of one conversation's state.</summary>
    public static string Conversation(string channelId, string conversationId) => $"{channelId}/conversations/{conversationId}";

    /// <summary>The key of one user's state on a channel.</summary>
    public static string User(string channelId, string userId) => $"{channelId}/users/{userId}";
}
