using System.Text.Json;
using CustomerCare.Bot.Http;
using CustomerCare.Payouts;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Payouts;

/// <summary>
/// <c>POST /api/payouts/{reference}/status</c>: finance reports an instruction paid or rejected. The body is JSON —
/// <c>{"reference":"G-…","status":"paid","paidOn":"2026-12-03"}</c> or <c>{"reference":"G-…","status":"rejected","reason":"…"}</c>
/// — signed like the instructions (<see cref="PayoutSignature"/>). The signed body names its payout, so a report for
/// one grant cannot be replayed against another. The first report is final: the same report again is answered 200,
/// a different one 409.
/// </summary>
public static class PayoutStatusEndpoint
{
    /// <summary>A report is a few fields; anything longer is refused unread.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>The longest rejection reason kept.</summary>
    public const int MaxReasonLength = 500;

    public static IEndpointRouteBuilder MapPayoutStatus(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/payouts/{reference}/status", HandleAsync).DisableAntiforgery().RequireRateLimiting(RateLimits.Reports);
        return app;
    }

    private static async Task<IResult> HandleAsync(string reference, HttpRequest request, IPayoutStore store, IOptions<PayoutOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.SigningSecret))
        {
            return ErrorResults.Error(StatusCodes.Status503ServiceUnavailable, "PayoutsNotConfigured", "Payouts:SigningSecret is not set, so no report can be verified.");
        }
        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }
        var body = await BoundedBody.ReadAsync(request.Body, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return TooLarge();
        }
        if (!PayoutSignature.Verifies(options.Value.SigningSecret, body, request.Headers[PayoutSignature.Header].FirstOrDefault()))
        {
            return ErrorResults.Error(StatusCodes.Status401Unauthorized, "BadSignature",
                $"The {PayoutSignature.Header} header is missing or does not sign this body (sha256=<hex HMAC-SHA256 of the raw body>).");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (Parse(body, reference) is not { } report)
        {
            return ErrorResults.Error(StatusCodes.Status400BadRequest, "BadReport",
                "The body must be {\"reference\":\"<this payout's reference>\",\"status\":\"paid\",\"paidOn\":\"yyyy-mm-dd\"} (paidOn optional) or "
                + "{\"reference\":\"<this payout's reference>\",\"status\":\"rejected\",\"reason\":\"…\"} (reason required, up to 500 characters).");
        }
        if (report.PaidOn > DateOnly.FromDateTime(now).AddDays(1))
        {
            return ErrorResults.Error(StatusCodes.Status400BadRequest, "BadReport", $"paidOn {report.PaidOn:yyyy-MM-dd} is in the future.");
        }
        return await store.ReportAsync(reference, report, now, cancellationToken).ConfigureAwait(false) switch
        {
            PayoutReportOutcome.Recorded recorded => Results.Ok(Answer(recorded.State)),
            PayoutReportOutcome.AlreadyRecorded same => Results.Ok(Answer(same.State)),
            PayoutReportOutcome.Conflict conflict => ErrorResults.Error(StatusCodes.Status409Conflict, "AlreadyReported",
                $"Payout {reference} was already reported {conflict.State.Status.ToString().ToLowerInvariant()}"
                + (conflict.State.PaidOn is { } on ? $" on {on:yyyy-MM-dd}" : string.Empty) + "; the first report stands."),
            PayoutReportOutcome.Implausible implausible => ErrorResults.Error(StatusCodes.Status422UnprocessableEntity, "ImplausibleReport", implausible.Why),
            _ => ErrorResults.Error(StatusCodes.Status404NotFound, "UnknownPayout", $"There is no payout instruction {reference}."),
        };
    }

    private static object Answer(PayoutState state) => new { reference = state.Reference, status = state.Status.ToString().ToLowerInvariant() };

    private static IResult TooLarge() => ErrorResults.Error(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"A report is at most {MaxBodyBytes} bytes.");

    /// <summary>The report the body makes about this payout, or null when it makes none (or names another payout).</summary>
    public static FinanceReport? Parse(byte[] body, string reference)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("reference", out var named) || named.ValueKind != JsonValueKind.String || !string.Equals(named.GetString(), reference, StringComparison.Ordinal))
            {
                return null;
            }
            var reason = root.TryGetProperty("reason", out var given) && given.ValueKind == JsonValueKind.String ? OneLine(given.GetString()!) : null;
            switch (status.GetString())
            {
                case "paid":
                    DateOnly? paidOn = null;
                    if (root.TryGetProperty("paidOn", out var on) && on.ValueKind != JsonValueKind.Null)
                    {
                        if (on.ValueKind != JsonValueKind.String || !DateOnly.TryParseExact(on.GetString(), "yyyy-MM-dd", out var date))
                        {
                            return null;
                        }
                        paidOn = date;
                    }
                    return new FinanceReport(true, null, paidOn);
                case "rejected" when !string.IsNullOrEmpty(reason) && reason.Length <= MaxReasonLength:
                    return new FinanceReport(false, reason, null);
                default:
                    return null;
            }
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A reason as the customer reads it: one line, no control characters.</summary>
    private static string OneLine(string text)
        => string.Join(' ', new string(text.Select(c => char.IsControl(c) || char.IsSeparator(c) && c != ' ' ? ' ' : c).ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
