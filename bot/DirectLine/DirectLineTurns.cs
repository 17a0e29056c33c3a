using CustomerCare.Bot.Http;
using CustomerCare.Builder;
using CustomerCare.Schema;

namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// Delivers a client's activity: stamps it as Direct Line does (id, time, addresses, channelData kept), puts it
/// in the stream so Web Chat sees its message acknowledged, then runs the bot's turn in-process.
/// </summary>
public sealed partial class DirectLineTurns(BotAdapter adapter, DirectLineConnector connector, TimeProvider clock, ILogger<DirectLineTurns> logger)
{
    public async Task<IResult> PostAsync(DirectLineConversation conversation, Activity activity, string? tokenUserId, CancellationToken cancellationToken)
    {
        var userId = tokenUserId ?? activity.From?.Id;
        if (string.IsNullOrWhiteSpace(userId))
        {
            return ErrorResults.Error(StatusCodes.Status400BadRequest, "MissingProperty", "The activity needs 'from.id'.");
        }

        activity.From = new ChannelAccount { Id = userId, Name = activity.From?.Name, Role = RoleTypes.User, Properties = activity.From?.Properties };
        activity.Recipient = new ChannelAccount { Id = DirectLineChannel.BotId, Name = DirectLineChannel.BotName, Role = RoleTypes.Bot };
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        activity.ChannelId = DirectLineChannel.ChannelId;
        activity.ServiceUrl = DirectLineChannel.ServiceUrl;
        activity.Timestamp = clock.GetUtcNow();
        activity.CallerId = null;
        conversation.Append(activity);

        InvokeResponse? invokeResponse;
        try
        {
            invokeResponse = await adapter.ProcessActivityAsync(activity, connector, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBotRejected(logger, ex, conversation.Id);
            return ErrorResults.Error(StatusCodes.Status502BadGateway, "BotRejectedActivity", "The bot could not process the activity.");
        }
        // An invoke the bot refused (an agents' card action posted by a client, say) is refused to the client too.
        if (invokeResponse is { Status: >= 400 and < 500 } refused)
        {
            return ErrorResults.Error(refused.Status, "InvokeRefused", "The bot refused the invoke activity.");
        }
        return Results.Json(new ResourceResponse(activity.Id), DirectLineJsonContext.Default.ResourceResponse);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The bot failed an activity in Direct Line conversation {ConversationId}")]
    private static partial void LogBotRejected(ILogger logger, Exception exception, string conversationId);
}
