using CustomerCare.Builder;
using CustomerCare.Localization;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Conversation;

/// <summary>The one error policy: log, apologise, and clear the conversation's dialog state so the error cannot loop.</summary>
public sealed partial class TurnErrorPolicy(ConversationState<ConversationData> conversationState, ILogger<TurnErrorPolicy> logger) : ITurnErrorHandler
{
    public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        LogTurnFailed(logger, exception, turnContext.Activity.ChannelId, turnContext.Activity.Conversation?.Id);
        try
        {
            await conversationState.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Text(nameof(Strings.Apology))), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception secondary) when (secondary is not OperationCanceledException)
        {
            LogRecoveryFailed(logger, secondary, turnContext.Activity.Conversation?.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed on channel {ChannelId}, conversation {ConversationId}; state cleared")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? channelId, string? conversationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not apologise or clear state for conversation {ConversationId}")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception, string? conversationId);
}
