using System.Text.Json;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Http;

/// <summary>
/// Reads an activity from a request body, turning every kind of bad input into a clear error. An activity nests at most
/// <see cref="MaxDepth"/> levels: every answer that carries it (an activity set, a transcript file) adds levels of its
/// own and must stay within the serializer's 64, or one nested value would break every read of its conversation.
/// </summary>
public static class ActivityReader
{
    public const int MaxDepth = 32;

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
            var activity = await ReadBoundedAsync(request.Body, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The body is read up to the limit first (past it, the request is refused), then checked for depth, then read as an activity.</summary>
    private static async Task<Activity?> ReadBoundedAsync(Stream source, CancellationToken cancellationToken)
        => await BoundedBody.ReadAsync(source, RequestLimits.MaxBodyBytes, cancellationToken).ConfigureAwait(false) is { } body
            ? Parse(body)
            : throw new BadHttpRequestException("Too large", StatusCodes.Status413PayloadTooLarge);

    /// <summary>An activity from JSON bytes, refused (a <see cref="JsonException"/>) when it nests deeper than <see cref="MaxDepth"/>.</summary>
    public static Activity? Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        while (reader.Read())
        {
            // Reading through is the check: the reader throws past the depth.
        }
        var activity = JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity);
        // What was read must write back (a lone UTF-16 surrogate in a value reads but never writes): every answer that
        // carries the activity, and the transcript, write it again.
        try
        {
            _ = activity is null ? null : JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJsonContext.Default.Activity);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new JsonException("The activity holds text that is not valid UTF-16 (a lone surrogate).", e);
        }
        return activity;
    }

    private static IResult TooLarge() => ErrorResults.Error(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge",
        $"The body is larger than the limit of {RequestLimits.MaxBodyBytes} bytes.");
}
