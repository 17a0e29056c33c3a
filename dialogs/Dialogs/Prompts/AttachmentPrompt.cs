using CustomerCare.Schema;

namespace CustomerCare.Dialogs.Prompts;

/// <summary>
/// Asks for a file (Web Chat's attachment button): recognised when the message carries an image (PNG, JPEG, GIF,
/// WebP) or a PDF with a link to it. The recognised attachment's type is its media type alone, without parameters.
/// </summary>
public sealed class AttachmentPrompt(string id, PromptValidator<Attachment>? validator = null) : Prompt<Attachment>(id, validator)
{
    private static readonly string[] Types = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"];

    /// <summary>The media type of a file this prompt takes ("image/jpeg"), or null for any other.</summary>
    public static string? MediaTypeOf(string? contentType)
    {
        var type = (contentType ?? string.Empty).Split(';', 2)[0].Trim().ToLowerInvariant();
        return Types.Contains(type, StringComparer.Ordinal) ? type : null;
    }

    protected override async Task OnPromptAsync(Builder.ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        if (PromptFor(options, isRetry) is { } prompt)
        {
            await turnContext.SendActivityAsync(prompt, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task<PromptRecognizerResult<Attachment>> OnRecognizeAsync(Builder.ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var file = turnContext.Activity.Attachments?.FirstOrDefault(a => MediaTypeOf(a.ContentType) is not null
            && a.ContentUrl is { Length: <= 2048 } && Uri.TryCreate(a.ContentUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http");
        return Task.FromResult(file is null
            ? PromptRecognizerResult<Attachment>.Failed
            : PromptRecognizerResult<Attachment>.Of(new Attachment { Name = file.Name, ContentType = MediaTypeOf(file.ContentType), ContentUrl = file.ContentUrl }));
    }
}
