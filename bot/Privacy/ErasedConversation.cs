namespace CustomerCare.Bot.Privacy;

/// <summary>What deleting one conversation took with it besides its transcript, summary, state and uploads.</summary>
public sealed record ErasedConversation(int ClosedCases, int Reviews);
