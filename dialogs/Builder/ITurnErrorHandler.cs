namespace CustomerCare.Builder;

/// <summary>The one error policy for turns that throw.</summary>
public interface ITurnErrorHandler
{
    Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken);
}
