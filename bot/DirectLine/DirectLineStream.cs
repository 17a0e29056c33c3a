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
        DirectLineTokenService tokens, IOptions<DirectLineOptions> options, DirectLineConversations conversations, DirectLineHistory history,
        StreamListeners listeners)
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

        using var caller = listeners.TryEnter(TokenOf(context.Request));
        if (caller is null || conversation.Listen(watermark) is not var (backlog, updates, subscription))
        {
            await TooManyListeners(context).ConfigureAwait(false);
            return;
        }
        using (subscription)
        using (var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false))
        using (var closed = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted))
        {
            var receiving = DrainUntilClosedAsync(socket, closed);
            try
            {
                await SendBacklogAsync(socket, conversation, backlog, history, closed.Token).ConfigureAwait(false);
                var keepAlive = TimeSpan.FromSeconds(options.Value.KeepAliveSeconds);
                while (!closed.IsCancellationRequested)
                {
                    using var tick = CancellationTokenSource.CreateLinkedTokenSource(closed.Token);
                    tick.CancelAfter(keepAlive);
                    try
                    {
                        if (!await updates.WaitToReadAsync(tick.Token).ConfigureAwait(false))
                        {
                            await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "Reconnect from your watermark.", closed.Token).ConfigureAwait(false);
                            break;
                        }
                        while (updates.TryRead(out var set))
                        {
                            await SendAsync(socket, set, closed.Token).ConfigureAwait(false);
                        }
                    }
                    catch (OperationCanceledException) when (!closed.IsCancellationRequested)
                    {
                        await SendWithinDeadlineAsync(socket, ReadOnlyMemory<byte>.Empty, closed.Token).ConfigureAwait(false);
                    }
                }
            }
            catch (ListenerFellBehindException)
            {
                // Ended so its backlog does not grow without end: the client reconnects from the watermark it has.
                await CloseQuietlyAsync(socket, WebSocketCloseStatus.PolicyViolation, "Too far behind; reconnect from your watermark.").ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                // The client went away; its activities stay in the conversation for the next connection.
            }
            await closed.CancelAsync().ConfigureAwait(false);
            await receiving.ConfigureAwait(false);
        }
    }

    /// <summary>What the client has not seen: first pages from the transcript for what has left memory, then memory's part.</summary>
    private static async Task SendBacklogAsync(WebSocket socket, DirectLineConversation conversation, ConversationRead read, DirectLineHistory history, CancellationToken cancellationToken)
    {
        while (read.NeedsHistory)
        {
            var page = await history.NextAsync(conversation, read, cancellationToken).ConfigureAwait(false);
            await SendAsync(socket, page, cancellationToken).ConfigureAwait(false);
            if (page.Watermark == read.Recent.Watermark)
            {
                return;
            }
            read = read with { From = int.Parse(page.Watermark!, System.Globalization.CultureInfo.InvariantCulture) };
        }
        if (read.Recent.Activities.Count > 0)
        {
            await SendAsync(socket, read.Recent, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CloseQuietlyAsync(WebSocket socket, WebSocketCloseStatus status, string reason)
    {
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseOutputAsync(status, reason, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client is gone already.
        }
    }

    private static Task TooManyListeners(HttpContext context)
        => Http.RateLimits.RetryLater(TimeSpan.FromSeconds(5), "TooManyStreams", "This conversation or token already has its most open streams; close one first.")
            .ExecuteAsync(context);

    private static string TokenOf(HttpRequest request) => DirectLineCaller.BearerOf(request) ?? "";

    private static async Task SendAsync(WebSocket socket, ActivitySet set, CancellationToken cancellationToken)
        => await SendWithinDeadlineAsync(socket, JsonSerializer.SerializeToUtf8Bytes(set, DirectLineJsonContext.Default.ActivitySet), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// A client that stops reading makes a send wait for ever once the socket's buffers are full: a send not done within
    /// <see cref="SendDeadline"/> ends the stream as fallen behind, freeing its place and what it held.
    /// </summary>
    private static async Task SendWithinDeadlineAsync(WebSocket socket, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(SendDeadline);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ListenerFellBehindException();
        }
    }

    private static readonly TimeSpan SendDeadline = TimeSpan.FromSeconds(15);

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
