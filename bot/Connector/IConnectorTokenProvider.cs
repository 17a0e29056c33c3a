namespace CustomerCare.Bot.Connector;

/// <summary>The bearer token the bot sends to channels, or null when the bot runs anonymously.</summary>
public interface IConnectorTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>Anonymous bots (local development) send no token.</summary>
public sealed class NoConnectorToken : IConnectorTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
