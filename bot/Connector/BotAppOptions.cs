namespace CustomerCare.Bot.Connector;

/// <summary>The bot's identity, under the configuration keys every Bot Framework bot uses.</summary>
public sealed class BotAppOptions
{
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>SingleTenant or UserAssignedMSI (new multi-tenant bots can no longer be created).</summary>
    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>No app id: local development, where the Emulator and the built-in Direct Line talk to the bot anonymously.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
