namespace CustomerCare.Ledger;

public enum ActorKind
{
    Bot,
    Agent,
    Supervisor,
}

/// <summary>Who granted (the bot, an agent or a supervisor, with their id and name), for the customer in which channel and conversation.</summary>
public sealed record GrantActor(ActorKind Kind, string Id, string? Name, string Channel, string ConversationId)
{
    public string DisplayName => Kind == ActorKind.Bot ? "bot" : Name ?? Id;
}
