using CustomerCare.Builder;
using CustomerCare.Localization;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Conversation;

/// <summary>
/// The one error policy: log, apologise, and clear the conversation's dialog state so the error cannot loop. When the
/// store could not write (a full disk, an I/O error), the customer is asked to try again in a few minutes instead,
/// and the apology is sent even though the state could not be cleared.
/// </summary>
public sealed partial class TurnErrorPolicy(ConversationState<ConversationData> conversationState, ILogger<TurnErrorPolicy> logger) : ITurnErrorHandler
{
    public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        LogTurnFailed(logger, exception, turnContext.Activity.ChannelId, turnContext.Activity.Conversation?.Id);
        var storeFailed = IsStoreFailure(exception);
        try
        {
            if (!storeFailed)
            {
                await conversationState.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception secondary) when (secondary is not OperationCanceledException)
        {
            LogRecoveryFailed(logger, secondary, turnContext.Activity.Conversation?.Id);
        }
        try
        {
            var apology = storeFailed ? nameof(Strings.StoreUnavailable) : nameof(Strings.Apology);
            await turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Text(apology)), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception secondary) when (secondary is not OperationCanceledException)
        {
            LogRecoveryFailed(logger, secondary, turnContext.Activity.Conversation?.Id);
        }
    }

    /// <summary>The store could not write: the state kept is the one before this turn, which stays right to go on from.</summary>
    private static bool IsStoreFailure(Exception exception)
        => exception is IOException || exception.InnerException is IOException || exception is AggregateException { InnerExceptions: var inner } && inner.Any(e => e is IOException);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed on channel {ChannelId}, conversation {ConversationId}; state cleared")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? channelId, string? conversationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not apologise or clear state for conversation {ConversationId}")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception, string? conversationId);
}
