using System.Text.Json.Serialization.Metadata;

namespace CustomerCare.Builder;

/// <summary>State scoped to one conversation on one channel.</summary>
public sealed class ConversationState<TState>(IStorage storage, JsonTypeInfo<TState> typeInfo)
    : BotState<TState>(storage, typeInfo)
    where TState : class, new()
{
    protected override string? GetStorageKey(ITurnContext turnContext) => StateKeys.ConversationOf(turnContext.Activity);
}
