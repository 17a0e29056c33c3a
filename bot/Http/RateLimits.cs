using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Http;

/// <summary>
/// ASP.NET Core rate limiting on what anyone may call without an account: tokens and new conversations per client
/// address, posts and uploads per Direct Line conversation, <c>/api/messages</c> and finance's reports per client
/// address. A refused request gets 429, a Retry-After in seconds and the Bot Framework's error shape.
/// </summary>
public static class RateLimits
{
    public const string Tokens = "tokens";
    public const string Posts = "directline-posts";
    public const string Uploads = "directline-uploads";
    public const string Messages = "bot-messages";
    public const string Reports = "payout-reports";

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<RateLimitOptions>>((forwarded, limits) =>
        {
            forwarded.ForwardedHeaders = limits.Value.TrustForwardedFor ? ForwardedHeaders.XForwardedFor : ForwardedHeaders.None;
            // The front end appends the address it saw: only the last entry is the front end's word.
            forwarded.ForwardLimit = 1;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                await ErrorResults.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "TooManyRequests",
                    "Too many requests; try again after the time in Retry-After.").ConfigureAwait(false);
            };
            limiter.AddPolicy(Tokens, http => Window("t:" + ClientOf(http), Limits(http).TokensPerMinutePerClient, TimeSpan.FromMinutes(1)));
            limiter.AddPolicy(Posts, http => Window("p:" + ConversationOf(http), Limits(http).PostsPerMinutePerConversation, TimeSpan.FromMinutes(1)));
            limiter.AddPolicy(Uploads, http => Window("u:" + ConversationOf(http), Limits(http).UploadsPerHourPerConversation, TimeSpan.FromHours(1)));
            limiter.AddPolicy(Messages, http => Window("m:" + ClientOf(http), Limits(http).MessagesPerSecondPerClient, TimeSpan.FromSeconds(1)));
            limiter.AddPolicy(Reports, http => Window("r:" + ClientOf(http), Limits(http).ReportsPerMinutePerClient, TimeSpan.FromMinutes(1)));
        });
        return services;
    }

    /// <summary>Takes the client's address from the front end when so configured, then applies the limits.</summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    /// <summary>A fixed window, no queue: what is above the limit is refused at once, told when the window renews.</summary>
    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window)
        => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true,
        });

    private static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The conversation in the route; its id is bounded by routing, and each partition is a few hundred bytes.</summary>
    private static string ConversationOf(HttpContext http) => http.Request.RouteValues["conversationId"] as string ?? ClientOf(http);
}
