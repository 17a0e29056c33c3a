namespace CustomerCare.Mail;

/// <summary>Sends e-mail to customers (one-time codes, notices about their payouts). Throws <see cref="MailNotSentException"/> when it could not.</summary>
public interface ICustomerMailer
{
    Task SendAsync(CustomerMail mail, CancellationToken cancellationToken);
}
