using System.Security.Cryptography;
using System.Text.Json;
using CustomerCare.Bot.Http;
using CustomerCare.Schema;
using JsonSerializer = System.Text.Json.JsonSerializer;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// POST .../upload?userId=: a multipart body with an "activity" part and files. The files are kept in the store
/// (<see cref="IUploadStore"/>) and the activity reaches the bot with them as attachments whose contentUrl serves them back.
/// </summary>
public static class DirectLineUpload
{
    public static async Task<IResult> PostAsync(
        string conversationId, string? userId, HttpContext context, DirectLineTokenService tokens, IOptions<DirectLineOptions> options,
        DirectLineConversations conversations, DirectLineTurns turns, IUploadStore uploads, ConversationRateLimits limits, UploadQuota quota, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var (conversation, caller, error) = await DirectLineActivities.AuthorizeAsync(conversationId, request, tokens, options, conversations).ConfigureAwait(false);
        if (conversation is null)
        {
            return error!;
        }
        using var lease = limits.Upload(conversation.Id);
        if (!lease.IsAcquired)
        {
            return RateLimits.Refused(lease);
        }
        if (!request.HasFormContentType)
        {
            return ErrorResults.Error(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", "Upload a multipart/form-data body.");
        }
        if (request.ContentLength > options.Value.MaxUploadBytes)
        {
            return TooLarge(options.Value.MaxUploadBytes);
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxUploadBytes;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = options.Value.MaxUploadBytes }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return TooLarge(options.Value.MaxUploadBytes);
        }
        catch (IOException)
        {
            // A multipart body cut short or with no closing boundary.
            return ErrorResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is not a complete multipart/form-data body.");
        }

        Activity activity;
        try
        {
            activity = await ReadActivityAsync(form, cancellationToken).ConfigureAwait(false) ?? new Activity { Type = ActivityTypes.Message };
        }
        catch (JsonException ex)
        {
            return ErrorResults.Error(StatusCodes.Status400BadRequest, "BadArgument", $"The 'activity' part is not a valid activity: {ex.Message}");
        }
        if (ActivityIds.Problem(activity) is { } problem)
        {
            return ErrorResults.Error(StatusCodes.Status400BadRequest, "BadArgument", problem);
        }
        var files = form.Files.Where(f => f.Name != "activity").ToList();
        if (quota.TryTake(conversation.Id, files.Sum(f => f.Length)) is var outcome && outcome != UploadQuotaOutcome.Taken)
        {
            return QuotaReached(outcome, quota.UntilTomorrow);
        }
        activity.Type ??= ActivityTypes.Message;
        activity.From ??= new ChannelAccount { Id = userId };
        // An upload's attachments are its files, and only those: what the activity part lists itself (a page's local
        // blob: preview, or a link the client names as one of the bot's uploads) is dropped.
        activity.Attachments = [];
        try
        {
            foreach (var file in files)
            {
                activity.Attachments.Add(await StoreAsync(uploads, request, file, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (IOException)
        {
            // The store could not keep the file (a full disk, an I/O error): the activity does not reach the bot without it,
            // and its bytes do not count against the day's quota.
            quota.Return(conversation.Id, files.Sum(f => f.Length));
            return RateLimits.RetryLater(TimeSpan.FromMinutes(1), "StoreUnavailable", "The file could not be kept just now; try again in a minute.", StatusCodes.Status503ServiceUnavailable);
        }
        return await turns.PostAsync(conversation, activity, caller!.Token?.UserId, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IResult> GetAsync(string attachmentId, HttpContext context, IUploadStore uploads, CancellationToken cancellationToken)
    {
        var file = await uploads.OpenAsync(attachmentId, cancellationToken).ConfigureAwait(false);
        if (file is null)
        {
            return ErrorResults.Error(StatusCodes.Status404NotFound, "AttachmentNotFound", "There is no such attachment.");
        }
        // A file is the customer's, not the bot's page: it is never run on this origin. Only types a browser shows
        // as they are (images, PDF) keep their type; everything is an attachment, not sniffed, and sandboxed.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return Results.Stream(file.Content, ServedType(file.ContentType), string.IsNullOrWhiteSpace(file.FileName) ? FallbackName : file.FileName);
    }

    /// <summary>The name of a file whose own name gives none ("folder/", blanks).</summary>
    public const string FallbackName = "attachment";

    private static readonly HashSet<string> InlineTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "application/pdf",
    };

    /// <summary>The declared type when it is one a browser shows without running it; otherwise plain bytes.</summary>
    private static string ServedType(string declared)
        => System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(declared, out var parsed) && parsed.MediaType is { } type && InlineTypes.Contains(type)
            ? type
            : "application/octet-stream";

    private static async Task<Activity?> ReadActivityAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        if (form.Files.GetFile("activity") is { } part)
        {
            await using var stream = part.OpenReadStream();
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes, cancellationToken).ConfigureAwait(false);
            return ActivityReader.Parse(bytes.ToArray());
        }
        return form.TryGetValue("activity", out var text) && !string.IsNullOrEmpty(text)
            ? ActivityReader.Parse(System.Text.Encoding.UTF8.GetBytes(text.ToString()))
            : null;
    }

    private static async Task<Attachment> StoreAsync(IUploadStore uploads, HttpRequest request, IFormFile file, CancellationToken cancellationToken)
    {
        // The id is an unguessable capability: Web Chat shows images with <img src>, which cannot carry a token.
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var contentType = string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType;
        var name = Path.GetFileName(file.FileName) is { } given && !string.IsNullOrWhiteSpace(given) ? given.Trim() : FallbackName;
        await using (var content = file.OpenReadStream())
        {
            await uploads.SaveAsync(id, name, contentType, content, cancellationToken).ConfigureAwait(false);
        }
        return new Attachment
        {
            ContentType = contentType,
            ContentUrl = $"{request.Scheme}://{request.Host}{request.PathBase}/v3/directline/attachments/{id}",
            Name = name,
        };
    }

    private static IResult QuotaReached(UploadQuotaOutcome outcome, TimeSpan untilTomorrow)
        => RateLimits.RetryLater(untilTomorrow, "UploadQuotaExceeded", outcome == UploadQuotaOutcome.ConversationFull
            ? "This conversation has sent as many upload bytes as it may today; try again tomorrow (UTC)."
            : "The service has taken as many uploads as it may today; try again tomorrow (UTC).");

    private static IResult TooLarge(long limit) => ErrorResults.Error(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge",
        $"The upload is larger than the limit of {limit} bytes.");
}
