namespace CustomerCare.Bot.DirectLine;

/// <summary>How the built-in Direct Line identifies itself in activities.</summary>
public static class DirectLineChannel
{
    public const string ChannelId = "directline";

    /// <summary>The serviceUrl of activities from the built-in Direct Line; replies to it are delivered in-process.</summary>
    public const string ServiceUrl = CustomerCare.Schema.OwnDirectLine.ServiceUrl;

    public const string BotId = "customercare-bot";

    public const string BotName = "CustomerCare";
}
