namespace CustomerCare.Schema;

/// <summary>
/// The bot's own Direct Line service, as activities from it carry it: its serviceUrl is no address a channel could
/// name (the Bot Connector endpoint refuses it), so a turn with it came through the bot's own service and its checks.
/// </summary>
public static class OwnDirectLine
{
    public const string ServiceUrl = "urn:customercare:directline";
}
