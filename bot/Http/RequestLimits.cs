namespace CustomerCare.Bot.Http;

/// <summary>Limits on what one request may send; uploads raise their own limit.</summary>
public static class RequestLimits
{
    /// <summary>Activities are small; 256 KB leaves room for large cards and channel data.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        return builder;
    }
}
