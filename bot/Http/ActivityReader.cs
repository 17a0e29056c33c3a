using System.Text.Json;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Http;

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
        if (request.ContentLength > RequestLimits.MaxBodyBytes)
        {
            return new Outcome(null, TooLarge());
        }
        try
        {
            var activity = request.ContentLength is not null
                ? await JsonSerializer.DeserializeAsync(request.Body, ProtocolJsonContext.Default.Activity, cancellationToken).ConfigureAwait(false)
                : await ReadChunkedAsync(request.Body, cancellationToken).ConfigureAwait(false);
            if (activity is null)
            {
                return new Outcome(null, ErrorResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is empty; an activity was expected."));
            }
            if (string.IsNullOrWhiteSpace(activity.Type))
            {
                return new Outcome(null, ErrorResults.Error(StatusCodes.Status400BadRequest, "MissingProperty", "The activity has no 'type'."));
            }
            if (ActivityIds.Problem(activity) is { } problem)
            {
                return new Outcome(null, ErrorResults.Error(StatusCodes.Status400BadRequest, "BadArgument", problem));
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
            return new Outcome(null, TooLarge());
        }
    }

    /// <summary>A body without Content-Length is read up to the limit first; past it, the request is refused.</summary>
    private static async Task<Activity?> ReadChunkedAsync(Stream source, CancellationToken cancellationToken)
        => await BoundedBody.ReadAsync(source, RequestLimits.MaxBodyBytes, cancellationToken).ConfigureAwait(false) is { } body
            ? JsonSerializer.Deserialize(body, ProtocolJsonContext.Default.Activity)
            : throw new BadHttpRequestException("Too large", StatusCodes.Status413PayloadTooLarge);

    private static IResult TooLarge() => ErrorResults.Error(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge",
        $"The body is larger than the limit of {RequestLimits.MaxBodyBytes} bytes.");
}
