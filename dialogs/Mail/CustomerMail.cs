namespace CustomerCare.Mail;

/// <summary>A plain-text e-mail to a customer.</summary>
public sealed record CustomerMail(string To, string Subject, string Body);
