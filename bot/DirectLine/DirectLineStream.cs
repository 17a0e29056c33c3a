using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// The WebSocket at streamUrl: first the activities after the watermark (or all), then each new one as an
/// ActivitySet; an empty message every few seconds keeps the connection alive. The client only listens.
/// </summary>
public static class DirectLineStream
{
    public static async Task AcceptAsync(
        string conversationId, string? t, string? watermark, HttpContext context,
        DirectLineTokenService tokens, IOptions<DirectLineOptions> options, DirectLineConversations conversations)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Http.ErrorResults.WriteAsync(context, StatusCodes.Status400BadRequest, "WebSocketRequired", "The stream URL accepts WebSocket connections only.").ConfigureAwait(false);
            return;
        }
        var (conversation, _, error) = await DirectLineActivities.AuthorizeAsync(conversationId, WithBearer(context.Request, t), tokens, options, conversations).ConfigureAwait(false);
        if (conversation is null)
        {
            await error!.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var (backlog, updates, subscription) = conversation.Listen(watermark);
        using (subscription)
        using (var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false))
        using (var closed = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted))
        {
            var receiving = DrainUntilClosedAsync(socket, closed);
            try
            {
                if (backlog.Activities.Count > 0)
                {
                    await SendAsync(socket, backlog, closed.Token).ConfigureAwait(false);
                }
                var keepAlive = TimeSpan.FromSeconds(options.Value.KeepAliveSeconds);
                while (!closed.IsCancellationRequested)
                {
                    using var tick = CancellationTokenSource.CreateLinkedTokenSource(closed.Token);
                    tick.CancelAfter(keepAlive);
                    try
                    {
                        if (!await updates.WaitToReadAsync(tick.Token).ConfigureAwait(false))
                        {
                            break;
                        }
                        while (updates.TryRead(out var set))
                        {
                            await SendAsync(socket, set, closed.Token).ConfigureAwait(false);
                        }
                    }
                    catch (OperationCanceledException) when (!closed.IsCancellationRequested)
                    {
                        await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, closed.Token).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                // The client went away; its activities stay in the conversation for the next connection.
            }
            await closed.CancelAsync().ConfigureAwait(false);
            await receiving.ConfigureAwait(false);
        }
    }

    private static async Task SendAsync(WebSocket socket, ActivitySet set, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(set, DirectLineJsonContext.Default.ActivitySet);
        await socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
    }

    private static async Task DrainUntilClosedAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closing either way.
        }
        await closed.CancelAsync().ConfigureAwait(false);
    }

    private static HttpRequest WithBearer(HttpRequest request, string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = "Bearer " + token;
        }
        return request;
    }
}
