using System.Text.Json.Serialization.Metadata;

namespace CustomerCare.Builder;

/// <summary>State scoped to one user on one channel, shared by that user's conversations.</summary>
public sealed class UserState<TState>(IStorage storage, JsonTypeInfo<TState> typeInfo)
    : BotState<TState>(storage, typeInfo)
    where TState : class, new()
{
    protected override string? GetStorageKey(ITurnContext turnContext)
        => StateKeys.UserOf(turnContext.Activity);
}
