using CustomerCare.Mail;

namespace CustomerCare.Bot.Mail;

/// <summary>Without an SMTP server: each message becomes an .eml file in the pickup directory, to be read or relayed from there.</summary>
public sealed partial class PickupDirectoryMailer(string directory, string from, TimeProvider clock, ILogger<PickupDirectoryMailer> logger) : ICustomerMailer
{
    public async Task SendAsync(CustomerMail mail, CancellationToken cancellationToken)
    {
        using var message = MimeMessages.From(mail, from);
        var path = Path.Combine(directory, $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
        try
        {
            Directory.CreateDirectory(directory);
            await message.WriteToAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MailNotSentException("The message could not be written to the pickup directory.", e);
        }
        LogWritten(logger, path);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail to a customer written to {Path} (no Mail:SmtpHost is set)")]
    private static partial void LogWritten(ILogger logger, string path);
}
