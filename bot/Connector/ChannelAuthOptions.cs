namespace CustomerCare.Bot.Connector;

/// <summary>How channel tokens on /api/messages are checked.</summary>
public sealed class ChannelAuthOptions
{
    public const string Section = "ChannelAuth";

    /// <summary>The Bot Framework's OpenID metadata; tests and sovereign clouds point it elsewhere.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public string Issuer { get; set; } = "https://api.botframework.com";

    /// <summary>Only for local test metadata served over http on loopback.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public int ClockSkewMinutes { get; set; } = 5;

    /// <summary>Where the bot's own client-credentials token comes from (sovereign clouds and tests point it elsewhere).</summary>
    public string TokenAuthorityHost { get; set; } = "https://login.microsoftonline.com";
}
