using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CustomerCare.Tests.Support;

/// <summary>How the stand-in answers one delivery.</summary>
public enum FinanceAnswer
{
    Ok,
    ServerError,
    TooManyRequests,
    /// <summary>Reads the instruction, then says nothing for 30 s (the bot's timeout ends the try).</summary>
    Hang,
    /// <summary>Takes the instruction, then drops the connection before answering: it has it, the bot does not know.</summary>
    TakeAndDrop,
    Unprocessable,
}

/// <summary>
/// A finance system's payout webhook on loopback: records every delivery (its idempotency key, signature and raw body)
/// and answers as its script says for each key's n-th delivery.
/// </summary>
public sealed class FinanceStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _perKey = new(StringComparer.Ordinal);

    private FinanceStandIn(WebApplication app) => _app = app;

    public sealed record Delivery(string? Key, string? Signature, string? ContentType, byte[] Body, FinanceAnswer Answer);

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    /// <summary>The answer to a key's n-th delivery (1 for the first); every delivery is answered Ok unless set.</summary>
    public Func<string, int, FinanceAnswer> Script { get; set; } = (_, _) => FinanceAnswer.Ok;

    public string WebhookUrl { get; private set; } = string.Empty;

    public static async Task<FinanceStandIn> StartAsync()
    {
        FinanceStandIn? finance = null;
        var (app, baseUrl) = await LoopbackServer.StartAsync(app =>
        {
            finance = new FinanceStandIn(app);
            app.MapPost("/finance/payouts", finance.ReceiveAsync);
        });
        finance!.WebhookUrl = baseUrl + "/finance/payouts";
        return finance;
    }

    /// <summary>The keys answered Ok, each as often as it was.</summary>
    public IReadOnlyList<string?> Accepted => Deliveries.Where(d => d.Answer == FinanceAnswer.Ok).Select(d => d.Key).ToList();

    private async Task ReceiveAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var key = context.Request.Headers["Idempotency-Key"].FirstOrDefault();
        var answer = Script(key ?? string.Empty, _perKey.AddOrUpdate(key ?? string.Empty, 1, (_, n) => n + 1));
        Deliveries.Enqueue(new Delivery(key, context.Request.Headers["CustomerCare-Signature"].FirstOrDefault(), context.Request.ContentType, body.ToArray(), answer));
        switch (answer)
        {
            case FinanceAnswer.ServerError:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                break;
            case FinanceAnswer.TooManyRequests:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "1";
                break;
            case FinanceAnswer.Hang:
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { });
                break;
            case FinanceAnswer.TakeAndDrop:
                context.Abort();
                break;
            case FinanceAnswer.Unprocessable:
                context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
