using CustomerCare.Builder;
using CustomerCare.Conversation;

namespace CustomerCare.Bot.Hosting;

/// <summary>The customer's conversation: every turn no earlier route took.</summary>
public sealed class CustomerRoutes(CustomerCareBot bot) : IRoutes
{
    public IEnumerable<TurnRoute> Routes => [new("customer conversation", int.MaxValue, (_, _) => ValueTask.FromResult(true), bot.OnTurnAsync)];
}
