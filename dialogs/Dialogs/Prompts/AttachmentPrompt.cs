using CustomerCare.Schema;

namespace CustomerCare.Dialogs.Prompts;

/// <summary>Asks for a file (Web Chat's attachment button): recognised when the message carries an image or a PDF with a link to it.</summary>
public sealed class AttachmentPrompt(string id, PromptValidator<Attachment>? validator = null) : Prompt<Attachment>(id, validator)
{
    protected override async Task OnPromptAsync(Builder.ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        if (PromptFor(options, isRetry) is { } prompt)
        {
            await turnContext.SendActivityAsync(prompt, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task<PromptRecognizerResult<Attachment>> OnRecognizeAsync(Builder.ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var file = turnContext.Activity.Attachments?.FirstOrDefault(a =>
            (a.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true || string.Equals(a.ContentType, "application/pdf", StringComparison.OrdinalIgnoreCase))
            && Uri.TryCreate(a.ContentUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http");
        return Task.FromResult(file is null ? PromptRecognizerResult<Attachment>.Failed : PromptRecognizerResult<Attachment>.Of(file));
    }
}
