using CustomerCare.Bot.Http;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// POST /api/directline/token: what the Web Chat page calls to get a conversation token (no secret in the browser) —
/// from the bot's own Direct Line, or with <c>WebChat:DirectLine=AzureBotService</c> from the Azure Bot Service's.
/// </summary>
public static class WebChatTokenEndpoint
{
    public static IEndpointRouteBuilder MapWebChatToken(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/directline/token", IssueAsync).DisableAntiforgery().RequireRateLimiting(RateLimits.Tokens);
        return app;
    }

    private static async Task<IResult> IssueAsync(HttpRequest request, DirectLineTokenService tokens, IOptions<WebChatOptions> options, AzureBotServiceTokens azure, CancellationToken cancellationToken)
    {
        var user = await TokenRequests.ReadUserAsync(request, cancellationToken).ConfigureAwait(false);
        if (user.Error is not null)
        {
            return user.Error;
        }
        if (options.Value.DirectLine == WebChatDirectLine.AzureBotService)
        {
            return await azure.GenerateAsync(user.UserId, cancellationToken).ConfigureAwait(false) is { } issued
                ? Results.Json(issued, DirectLineJsonContext.Default.WebChatToken)
                : ErrorResults.Error(StatusCodes.Status502BadGateway, "ServiceError", "The chat service could not issue a token right now. Please try again in a moment.");
        }
        var conversationId = DirectLineConversations.NewConversationId();
        var token = tokens.Issue(conversationId, user.UserId);
        return Results.Json(new WebChatToken(token, conversationId, user.UserId, tokens.LifetimeSeconds), DirectLineJsonContext.Default.WebChatToken);
    }
}
