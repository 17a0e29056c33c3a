namespace CustomerCare.Builder;

/// <summary>The bot as an explicit route table: the first route, by rank, whose predicate matches handles the turn; nothing else sees it.</summary>
public sealed class RouteTable : IBot
{
    private readonly TurnRoute[] _routes;

    public RouteTable(IEnumerable<IRoutes> sources)
    {
        _routes = sources.SelectMany(s => s.Routes).OrderBy(r => r.Rank).ToArray();
    }

    public IReadOnlyList<TurnRoute> Routes => _routes;

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        foreach (var route in _routes)
        {
            if (await route.Selects(turnContext, cancellationToken).ConfigureAwait(false))
            {
                await route.HandleAsync(turnContext, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }
}
