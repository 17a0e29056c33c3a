using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Bot.Mail;

/// <summary>
/// How the bot sends e-mail to customers (<c>Mail:*</c>). With <see cref="SmtpHost"/>, through that SMTP server;
/// without it, each message is written as an .eml file to <see cref="PickupDirectory"/> (the embedded default, next
/// to the data file), where a developer reads the one-time codes.
/// </summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Mail";

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    /// <summary><c>StartTls</c> (the default), <c>SslOnConnect</c>, <c>StartTlsWhenAvailable</c> or <c>None</c> (a local relay only).</summary>
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required]
    public string From { get; set; } = "CustomerCare <care@customercare.invalid>";

    /// <summary>Where messages go without an SMTP server; empty: "mail" next to the data file.</summary>
    public string? PickupDirectory { get; set; }

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 15;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MimeKit.MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult("Mail:From must be an address such as \"CustomerCare <care@example.com>\".", [nameof(From)]);
        }
        if (!string.IsNullOrEmpty(UserName) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Mail:Password must be set with Mail:UserName.", [nameof(Password)]);
        }
    }
}

public enum MailSecurity
{
    StartTls,
    SslOnConnect,
    StartTlsWhenAvailable,
    None,
}
