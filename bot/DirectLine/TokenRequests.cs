using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerCare.Bot.Http;

namespace CustomerCare.Bot.DirectLine;

/// <summary>Reads the optional {"user":{"id"}} of a token request; user ids must start with dl_.</summary>
public static partial class TokenRequests
{
    public sealed record UserOutcome(string UserId, IResult? Error);

    public static async Task<UserOutcome> ReadUserAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || !request.HasJsonContentType())
        {
            return new UserOutcome(DirectLineConversations.NewUserId(), null);
        }
        try
        {
            var body = await JsonSerializer.DeserializeAsync(request.Body, DirectLineJsonContext.Default.TokenRequest, cancellationToken).ConfigureAwait(false);
            var id = body?.User?.Id;
            if (id is null)
            {
                return new UserOutcome(DirectLineConversations.NewUserId(), null);
            }
            return UserId().IsMatch(id)
                ? new UserOutcome(id, null)
                : new UserOutcome(string.Empty, ErrorResults.Error(StatusCodes.Status400BadRequest, "BadArgument",
                    "user.id must start with 'dl_' and have at most 64 letters, digits, '-' or '_'."));
        }
        catch (JsonException ex)
        {
            return new UserOutcome(string.Empty, ErrorResults.Error(StatusCodes.Status400BadRequest, "BadArgument", $"The body is not valid JSON: {ex.Message}"));
        }
    }

    [GeneratedRegex(@"^dl_[A-Za-z0-9_-]{1,61}\z", RegexOptions.None, matchTimeoutMilliseconds: 250)]
    private static partial Regex UserId();
}
