namespace CustomerCare.Builder;

/// <summary>The bot's single entry point: one call per incoming activity.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
