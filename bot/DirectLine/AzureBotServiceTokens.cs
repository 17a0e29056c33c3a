using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// Exchanges the Azure Bot's Direct Line secret for a conversation token (<c>POST {service}/tokens/generate</c>), so
/// the page talks to the Azure Bot Service's Direct Line with a token and never sees the secret.
/// </summary>
public sealed partial class AzureBotServiceTokens(HttpClient http, IOptions<WebChatOptions> options, ILogger<AzureBotServiceTokens> logger)
{
    /// <summary>The page's token, or null when the service could not give one (logged).</summary>
    public async Task<WebChatToken?> GenerateAsync(string userId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var service = settings.AzureBotServiceUrl.ToString().TrimEnd('/');
        using var request = new HttpRequestMessage(HttpMethod.Post, service + "/tokens/generate")
        {
            Content = JsonContent.Create(new TokenRequest(new TokenRequestUser(userId, null)), DirectLineJsonContext.Default.TokenRequest),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AzureBotServiceSecret);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.AzureBotServiceTimeoutSeconds));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(logger, (int)response.StatusCode);
                return null;
            }
            var issued = await response.Content.ReadFromJsonAsync(DirectLineJsonContext.Default.DirectLineConversationInfo, timeout.Token).ConfigureAwait(false);
            if (issued is not { Token.Length: > 0, ConversationId.Length: > 0 })
            {
                LogUnreachable(logger, "an answer without a token or conversation id");
                return null;
            }
            return new WebChatToken(issued.Token, issued.ConversationId, userId, issued.ExpiresIn) { Domain = service };
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(logger, e.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The Azure Bot Service's Direct Line refused to issue a token ({Status}): check WebChat:AzureBotServiceSecret")]
    private static partial void LogRefused(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Azure Bot Service's Direct Line could not be reached for a token ({Error})")]
    private static partial void LogUnreachable(ILogger logger, string error);
}
