namespace CustomerCare.Builder;

/// <summary>
/// One route of the turn: what it answers (a predicate over the incoming activity), what handles it, and its rank —
/// lower ranks are tried first, so invokes and agents' routes come before the customer's conversation.
/// </summary>
public sealed record TurnRoute(string Name, int Rank, Func<ITurnContext, CancellationToken, ValueTask<bool>> Selects, Func<ITurnContext, CancellationToken, Task> HandleAsync);

/// <summary>A feature's routes (the agents' card actions and thread, the customer's conversation).</summary>
public interface IRoutes
{
    IEnumerable<TurnRoute> Routes { get; }
}
