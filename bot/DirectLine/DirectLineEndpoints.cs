using CustomerCare.Bot.Http;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.DirectLine;

/// <summary>Direct Line 3.0 under /v3/directline: tokens, conversations, activities, upload and the WebSocket stream.</summary>
public static class DirectLineEndpoints
{
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var directLine = app.MapGroup("/v3/directline").DisableAntiforgery();
        directLine.MapPost("/tokens/generate", GenerateTokenAsync).RequireRateLimiting(RateLimits.Tokens);
        directLine.MapPost("/tokens/refresh", RefreshTokenAsync).RequireRateLimiting(RateLimits.Tokens);
        directLine.MapPost("/conversations", StartConversationAsync).RequireRateLimiting(RateLimits.Tokens);
        directLine.MapGet("/conversations/{conversationId}", ReconnectAsync).RequireRateLimiting(RateLimits.Tokens);
        directLine.MapGet("/conversations/{conversationId}/activities", DirectLineActivities.GetAsync);
        directLine.MapPost("/conversations/{conversationId}/activities", DirectLineActivities.PostAsync).RequireRateLimiting(RateLimits.Posts);
        directLine.MapPost("/conversations/{conversationId}/upload", DirectLineUpload.PostAsync).RequireRateLimiting(RateLimits.Uploads);
        directLine.MapGet("/conversations/{conversationId}/stream", DirectLineStream.AcceptAsync);
        directLine.MapGet("/attachments/{attachmentId}", DirectLineUpload.GetAsync);
        return app;
    }

    private static async Task<IResult> GenerateTokenAsync(
        HttpRequest request, DirectLineTokenService tokens, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var (caller, error) = await DirectLineCaller.AuthenticateAsync(DirectLineCaller.BearerOf(request), tokens, options).ConfigureAwait(false);
        if (caller is null)
        {
            return error!;
        }
        if (!caller.HasSecret)
        {
            return ErrorResults.Error(StatusCodes.Status403Forbidden, "SecretRequired", "Only the Direct Line secret can generate tokens.");
        }
        var user = await TokenRequests.ReadUserAsync(request, cancellationToken).ConfigureAwait(false);
        if (user.Error is not null)
        {
            return user.Error;
        }
        var conversationId = DirectLineConversations.NewConversationId();
        var token = tokens.Issue(conversationId, user.UserId);
        return DirectLineResults.Json(new DirectLineConversationInfo(conversationId, token, tokens.LifetimeSeconds, null), DirectLineJsonContext.Default.DirectLineConversationInfo);
    }

    private static async Task<IResult> RefreshTokenAsync(HttpRequest request, DirectLineTokenService tokens, IOptions<DirectLineOptions> options)
    {
        var (caller, error) = await DirectLineCaller.AuthenticateAsync(DirectLineCaller.BearerOf(request), tokens, options).ConfigureAwait(false);
        if (caller?.Token is not { } token)
        {
            return error ?? ErrorResults.Error(StatusCodes.Status403Forbidden, "TokenRequired", "Refresh needs a token, not the secret.");
        }
        var refreshed = tokens.Issue(token.ConversationId, token.UserId);
        return DirectLineResults.Json(new DirectLineConversationInfo(token.ConversationId, refreshed, tokens.LifetimeSeconds, null), DirectLineJsonContext.Default.DirectLineConversationInfo);
    }

    private static async Task<IResult> StartConversationAsync(
        HttpRequest request, DirectLineTokenService tokens, IOptions<DirectLineOptions> options, DirectLineConversations conversations)
    {
        var (caller, error) = await DirectLineCaller.AuthenticateAsync(DirectLineCaller.BearerOf(request), tokens, options).ConfigureAwait(false);
        if (caller is null)
        {
            return error!;
        }
        var conversationId = caller.Token?.ConversationId ?? DirectLineConversations.NewConversationId();
        var (conversation, created) = await conversations.StartAsync(conversationId).ConfigureAwait(false);
        var token = tokens.Issue(conversation.Id, caller.Token?.UserId);
        var info = new DirectLineConversationInfo(conversation.Id, token, tokens.LifetimeSeconds, DirectLineResults.StreamUrl(request, conversation.Id, token, null));
        return DirectLineResults.Json(info, DirectLineJsonContext.Default.DirectLineConversationInfo, created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ReconnectAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineTokenService tokens, IOptions<DirectLineOptions> options, DirectLineConversations conversations)
    {
        var (caller, error) = await DirectLineCaller.AuthenticateAsync(DirectLineCaller.BearerOf(request), tokens, options).ConfigureAwait(false);
        if (caller is null)
        {
            return error!;
        }
        if (!caller.MayUse(conversationId))
        {
            return DirectLineResults.Forbidden();
        }
        if (await conversations.FindAsync(conversationId).ConfigureAwait(false) is null)
        {
            return DirectLineResults.ConversationNotFound(conversationId);
        }
        var token = tokens.Issue(conversationId, caller.Token?.UserId);
        var info = new DirectLineConversationInfo(conversationId, token, tokens.LifetimeSeconds, DirectLineResults.StreamUrl(request, conversationId, token, watermark));
        return DirectLineResults.Json(info, DirectLineJsonContext.Default.DirectLineConversationInfo);
    }
}
