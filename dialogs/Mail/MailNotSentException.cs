namespace CustomerCare.Mail;

/// <summary>The mail server could not be reached or refused the message.</summary>
public sealed class MailNotSentException(string message, Exception? inner = null) : Exception(message, inner);
