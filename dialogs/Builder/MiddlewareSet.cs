namespace CustomerCare.Builder;

/// <summary>Runs middleware in registration order, then the bot's handler.</summary>
public sealed class MiddlewareSet
{
    private readonly IMiddleware[] _middleware;

    public MiddlewareSet(IEnumerable<IMiddleware> middleware) => _middleware = middleware.ToArray();

    public Task RunAsync(ITurnContext turnContext, Func<ITurnContext, CancellationToken, Task> handler, CancellationToken cancellationToken)
        => RunFromAsync(0, turnContext, handler, cancellationToken);

    private Task RunFromAsync(int index, ITurnContext turnContext, Func<ITurnContext, CancellationToken, Task> handler, CancellationToken cancellationToken)
    {
        if (index == _middleware.Length)
        {
            return handler(turnContext, cancellationToken);
        }
        return _middleware[index].OnTurnAsync(turnContext, ct => RunFromAsync(index + 1, turnContext, handler, ct), cancellationToken);
    }
}
