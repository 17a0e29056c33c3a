using System.Text.Json;
using CustomerCare.Bot.Http;
using CustomerCare.Builder;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Connector;

/// <summary>POST /api/messages: where channels deliver activities; replies go back through the Connector at serviceUrl.</summary>
public static class BotMessagesEndpoint
{
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync).DisableAntiforgery().RequireRateLimiting(RateLimits.Messages);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        IChannelAuthenticator authenticator,
        BotAdapter adapter,
        ConnectorClientFactory connectors,
        CancellationToken cancellationToken)
    {
        var read = await ActivityReader.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (read.Activity is not { } activity)
        {
            return read.Error!;
        }
        if (await authenticator.AuthenticateAsync(request.Headers.Authorization, activity, cancellationToken).ConfigureAwait(false) is not { } identity)
        {
            return ErrorResults.Error(StatusCodes.Status401Unauthorized, "Unauthorized", "The request is not authenticated as coming from a channel.");
        }
        if (activity.Conversation?.Id is null || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out _))
        {
            return ErrorResults.Error(StatusCodes.Status400BadRequest, "MissingProperty", "The activity needs 'conversation.id' and an absolute 'serviceUrl'.");
        }
        if (string.Equals(activity.ServiceUrl, CustomerCare.Schema.OwnDirectLine.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            // The bot's own Direct Line delivers in-process; a channel naming it would pass for it (and its uploads).
            return ErrorResults.Error(StatusCodes.Status400BadRequest, "BadServiceUrl", "This serviceUrl is the bot's own Direct Line: no channel sends from it.");
        }

        activity.CallerId = null;
        var invokeResponse = await adapter.ProcessActivityAsync(activity, connectors.Create(activity.ServiceUrl!), cancellationToken, identity).ConfigureAwait(false);
        if (invokeResponse is null)
        {
            return Results.Ok();
        }
        return invokeResponse.Body is { } body
            ? Results.Json(body, ProtocolJsonContext.Default.JsonElement, statusCode: invokeResponse.Status)
            : Results.StatusCode(invokeResponse.Status);
    }
}
