using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// Which Direct Line the Web Chat page talks to: the bot's own (one instance: its conversations live in that
/// instance's memory), or the Azure Bot Service's, which every instance of the bot serves behind the messaging
/// endpoint — the page's token endpoint then exchanges the channel's secret for a conversation token.
/// </summary>
public sealed class WebChatOptions : IValidatableObject
{
    public const string Section = "WebChat";

    public WebChatDirectLine DirectLine { get; set; } = WebChatDirectLine.BuiltIn;

    /// <summary>With AzureBotService: a secret of the Azure Bot's Direct Line channel (a site key). Never sent to the browser.</summary>
    public string? AzureBotServiceSecret { get; set; }

    /// <summary>With AzureBotService: the service's address (a regional one, such as https://europe.directline.botframework.com/v3/directline, keeps data in the region).</summary>
    public Uri AzureBotServiceUrl { get; set; } = new("https://directline.botframework.com/v3/directline");

    [Range(1, 60)]
    public int AzureBotServiceTimeoutSeconds { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DirectLine == WebChatDirectLine.AzureBotService && string.IsNullOrWhiteSpace(AzureBotServiceSecret))
        {
            yield return new ValidationResult("WebChat:DirectLine is AzureBotService, but WebChat:AzureBotServiceSecret (a secret of the Azure Bot's Direct Line channel) is empty.",
                [nameof(AzureBotServiceSecret)]);
        }
        if (DirectLine == WebChatDirectLine.AzureBotService && AzureBotServiceUrl.Scheme != Uri.UriSchemeHttps && !AzureBotServiceUrl.IsLoopback)
        {
            yield return new ValidationResult("WebChat:AzureBotServiceUrl must use https.", [nameof(AzureBotServiceUrl)]);
        }
    }
}

public enum WebChatDirectLine
{
    BuiltIn,
    AzureBotService,
}
