using CustomerCare.Mail;
using MimeKit;

namespace CustomerCare.Bot.Mail;

/// <summary>A customer's e-mail as a MIME message: plain text, UTF-8, from the configured sender.</summary>
internal static class MimeMessages
{
    public static MimeMessage From(CustomerMail mail, string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = mail.Body };
        return message;
    }
}
