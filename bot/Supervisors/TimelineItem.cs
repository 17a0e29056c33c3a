namespace CustomerCare.Bot.Supervisors;

/// <summary>One line of a conversation as a supervisor reads it: a turn (customer, bot, agent) or an event (hand-off, grant, refusal).</summary>
public sealed record TimelineItem(DateTime AtUtc, string Kind, string Who, string? Text)
{
    public const string Customer = "customer";
    public const string Bot = "bot";
    public const string Agent = "agent";
    public const string Handoff = "handoff";
    public const string Grant = "grant";
    public const string Refusal = "refusal";
    public const string Event = "event";

    public IReadOnlyList<CardLine> Card { get; init; } = [];

    public IReadOnlyList<string> Suggestions { get; init; } = [];

    public bool IsTurn => Kind is Customer or Bot or Agent;
}
