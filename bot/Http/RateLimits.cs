using System.Globalization;
using System.Threading.RateLimiting;
using CustomerCare.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Http;

/// <summary>
/// ASP.NET Core rate limiting on what anyone may call without an account, per client address: tokens and new
/// conversations, Direct Line posts and uploads, <c>/api/messages</c> and finance's reports. Per Direct Line
/// conversation, posts and uploads are limited again once the caller's token has been checked
/// (<see cref="ConversationRateLimits"/>), so nobody can make the bot keep a limiter for a conversation that does not
/// exist. A refused request gets 429, a Retry-After in seconds and the Bot Framework's error shape.
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
        services.AddSingleton<ConversationRateLimits>();
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
                context.HttpContext.RequestServices.GetService<CustomerCareMetrics>()?.RateLimited(
                    context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "other");
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                await ErrorResults.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "TooManyRequests",
                    "Too many requests; try again after the time in Retry-After.").ConfigureAwait(false);
            };
            limiter.AddPolicy(Tokens, http => Window("t:" + ClientOf(http), Limits(http).TokensPerMinutePerClient, TimeSpan.FromMinutes(1)));
            limiter.AddPolicy(Posts, http => Window("p:" + ClientOf(http), Limits(http).PostsPerMinutePerClient, TimeSpan.FromMinutes(1)));
            limiter.AddPolicy(Uploads, http => Window("u:" + ClientOf(http), Limits(http).UploadsPerHourPerClient, TimeSpan.FromHours(1)));
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

    /// <summary>
    /// The client's address, as limits count it: an IPv6 client by its /64 (one subscriber's whole prefix), an
    /// IPv4-mapped address as plain IPv4. Partitions are bounded by the number of clients.
    /// </summary>
    internal static string ClientOf(HttpContext http)
    {
        if (http.Connection.RemoteIpAddress is not { } address)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new System.Net.IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }

    /// <summary>Writes the refusal a limiter's lease gives, as the middleware does.</summary>
    internal static IResult Refused(RateLimitLease lease)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        return new RefusedResult(seconds, "TooManyRequests", "Too many requests; try again after the time in Retry-After.");
    }

    /// <summary>
    /// A refusal with a Retry-After for a limit other than a rate (a quota, a count of open streams: 429) or for a store
    /// that cannot write for now (503), with its own code and words.
    /// </summary>
    public static IResult RetryLater(TimeSpan retryAfter, string code, string message, int status = StatusCodes.Status429TooManyRequests)
        => new RefusedResult(Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)), code, message, status);

    private sealed class RefusedResult(int seconds, string code, string message, int status = StatusCodes.Status429TooManyRequests) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.RequestServices.GetService<CustomerCareMetrics>()?.RateLimited("conversation");
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return ErrorResults.WriteAsync(httpContext, status, code, message);
        }
    }
}
