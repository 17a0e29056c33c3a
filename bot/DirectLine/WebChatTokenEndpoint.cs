namespace CustomerCare.Bot.DirectLine;

/// <summary>POST /api/directline/token: what the Web Chat page calls to get a conversation token (no secret in the browser).</summary>
public static class WebChatTokenEndpoint
{
    public static IEndpointRouteBuilder MapWebChatToken(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/directline/token", IssueAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> IssueAsync(HttpRequest request, DirectLineTokenService tokens, CancellationToken cancellationToken)
    {
        var user = await TokenRequests.ReadUserAsync(request, cancellationToken).ConfigureAwait(false);
        if (user.Error is not null)
        {
            return user.Error;
        }
        var conversationId = DirectLineConversations.NewConversationId();
        var token = tokens.Issue(conversationId, user.UserId);
        return Results.Json(new WebChatToken(token, conversationId, user.UserId, tokens.LifetimeSeconds), DirectLineJsonContext.Default.WebChatToken);
    }
}
