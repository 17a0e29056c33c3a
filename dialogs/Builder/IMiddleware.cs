namespace CustomerCare.Builder;

public delegate Task NextDelegate(CancellationToken cancellationToken);

/// <summary>A step around the bot's turn; call <c>next</c> to continue the pipeline, or skip it to short-circuit.</summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken);
}
