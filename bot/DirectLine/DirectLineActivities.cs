using CustomerCare.Bot.Http;
using CustomerCare.Schema;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.DirectLine;

/// <summary>GET and POST /v3/directline/conversations/{id}/activities.</summary>
public static class DirectLineActivities
{
    /// <summary>The activities after the watermark; those that have left memory come from the transcript, a page at a time.</summary>
    public static async Task<IResult> GetAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineTokenService tokens, IOptions<DirectLineOptions> options,
        DirectLineConversations conversations, DirectLineHistory history, CancellationToken cancellationToken)
    {
        var (conversation, _, error) = await AuthorizeAsync(conversationId, request, tokens, options, conversations).ConfigureAwait(false);
        if (conversation is null)
        {
            return error!;
        }
        var set = await history.NextAsync(conversation, conversation.Read(watermark), cancellationToken).ConfigureAwait(false);
        return DirectLineResults.Json(set, DirectLineJsonContext.Default.ActivitySet);
    }

    public static async Task<IResult> PostAsync(
        string conversationId,
        HttpRequest request,
        DirectLineTokenService tokens,
        IOptions<DirectLineOptions> options,
        DirectLineConversations conversations,
        DirectLineTurns turns,
        ConversationRateLimits limits,
        CancellationToken cancellationToken)
    {
        var (conversation, caller, error) = await AuthorizeAsync(conversationId, request, tokens, options, conversations).ConfigureAwait(false);
        if (conversation is null)
        {
            return error!;
        }
        using var lease = limits.Post(conversation.Id);
        if (!lease.IsAcquired)
        {
            return RateLimits.Refused(lease);
        }
        var read = await ActivityReader.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (read.Activity is not { } activity)
        {
            return read.Error!;
        }
        // A file reaches the bot only through the upload endpoint: an attachment naming one of its uploads is dropped.
        if (activity.Attachments is { Count: > 0 } attachments)
        {
            activity.Attachments = attachments.Where(a => !UploadLinks.NamesAnUpload(a)).ToList();
        }
        return await turns.PostAsync(conversation, activity, caller!.Token?.UserId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The conversation and who is calling, if the caller may use it and it exists; otherwise the 401/403/404 to answer.</summary>
    internal static async Task<(DirectLineConversation? Conversation, DirectLineCaller? Caller, IResult? Error)> AuthorizeAsync(
        string conversationId, HttpRequest request, DirectLineTokenService tokens, IOptions<DirectLineOptions> options, DirectLineConversations conversations)
    {
        var (caller, error) = await DirectLineCaller.AuthenticateAsync(DirectLineCaller.BearerOf(request), tokens, options).ConfigureAwait(false);
        if (caller is null)
        {
            return (null, null, error);
        }
        if (!caller.MayUse(conversationId))
        {
            return (null, null, DirectLineResults.Forbidden());
        }
        return await conversations.FindAsync(conversationId).ConfigureAwait(false) is { } conversation
            ? (conversation, caller, null)
            : (null, null, DirectLineResults.ConversationNotFound(conversationId));
    }
}
