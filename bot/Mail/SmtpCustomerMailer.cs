using CustomerCare.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Mail;

/// <summary>Sends customers' e-mail through the configured SMTP server (MailKit), one connection per message, within a timeout.</summary>
public sealed partial class SmtpCustomerMailer(IOptions<MailOptions> options, ILogger<SmtpCustomerMailer> logger) : ICustomerMailer
{
    public async Task SendAsync(CustomerMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = MimeMessages.From(mail, settings.From);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, Security(settings.Security), timeout.Token).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, timeout.Token).ConfigureAwait(false);
            }
            await client.SendAsync(message, timeout.Token).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MailKit.ServiceNotConnectedException or MailKit.ProtocolException or MailKit.CommandException
            or AuthenticationException or System.Net.Sockets.SocketException or IOException or SslHandshakeException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The address is personal data: the log names the server and the fault, not the recipient.
            LogNotSent(logger, settings.SmtpHost, e.GetType().Name, e.Message);
            throw new MailNotSentException("The mail server did not take the message.", e);
        }
    }

    private static SecureSocketOptions Security(MailSecurity security) => security switch
    {
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        MailSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        MailSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "An e-mail to a customer was not sent through {Host}: {Fault}: {Detail}")]
    private static partial void LogNotSent(ILogger logger, string? host, string fault, string detail);
}
