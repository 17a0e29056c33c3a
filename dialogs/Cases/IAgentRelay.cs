using CustomerCare.Builder;

namespace CustomerCare.Cases;

/// <summary>
/// While a person holds a customer's conversation the bot steps back: the customer's messages go to the agent,
/// and after the agent ends it the customer's rating is recorded.
/// </summary>
public interface IAgentRelay
{
    /// <summary>True when the message was for the agent (or was the rating), so the bot must not answer it.</summary>
    Task<bool> TryRelayFromCustomerAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

public sealed class NoAgentRelay : IAgentRelay
{
    public Task<bool> TryRelayFromCustomerAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.FromResult(false);
}
