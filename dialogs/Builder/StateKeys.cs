using CustomerCare.Schema;

namespace CustomerCare.Builder;

/// <summary>Where state is stored for an activity.</summary>
public static class StateKeys
{
    /// <summary>The key of the activity's conversation state, or null when it names no channel or conversation.</summary>
    public static string? ConversationOf(Activity activity)
        => activity.ChannelId is { } channel && activity.Conversation?.Id is { } conversation
            ? $"{channel}/conversations/{conversation}"
            : null;
}
