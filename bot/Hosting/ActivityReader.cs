using System.Text.Json;
using CustomerCare.Schema;
using Microsoft.AspNetCore.Http.Features;

namespace CustomerCare.Bot.Hosting;

/// <summary>Reads an activity from a request body, turning every kind of bad input into a clear error.</summary>
public static class ActivityReader
{
    public sealed record Outcome(Activity? Activity, IResult? Error);

    public static async Task<Outcome> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return new Outcome(null, ErrorResults.Error(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType",
                "The body must be an activity sent as application/json."));
        }
        try
        {
            var activity = await JsonSerializer.DeserializeAsync(request.Body, ProtocolJsonContext.Default.Activity, cancellationToken).ConfigureAwait(false);
            if (activity is null)
            {
                return new Outcome(null, ErrorResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is empty; an activity was expected."));
            }
            if (string.IsNullOrWhiteSpace(activity.Type))
            {
                return new Outcome(null, ErrorResults.Error(StatusCodes.Status400BadRequest, "MissingProperty", "The activity has no 'type'."));
            }
            return new Outcome(activity, null);
        }
        catch (JsonException ex)
        {
            return new Outcome(null, ErrorResults.Error(StatusCodes.Status400BadRequest, "BadArgument",
                $"The body is not a valid activity: {ex.Message}"));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            return new Outcome(null, ErrorResults.Error(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge",
                $"The body is larger than the limit of {limit} bytes."));
        }
    }
}
