using System.Text.Json.Serialization.Metadata;

namespace CustomerCare.Builder;

/// <summary>State scoped to one conversation on one channel.</summary>
public sealed class ConversationState<TState>(IStorage storage, JsonTypeInfo<TState> typeInfo)
    : BotState<TState>(storage, typeInfo)
    where TState : class, new()
{
    protected override string? GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        return activity.ChannelId is { } channel && activity.Conversation?.Id is { } conversation
            ? $"{channel}/conversations/{conversation}"
            : null;
    }
}
