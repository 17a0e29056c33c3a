using CustomerCare.Bot.Storage;
using CustomerCare.Mail;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>E-mail to customers (<c>Mail:*</c>): through the SMTP server, or without one into the pickup directory next to the data file.</summary>
    public static IServiceCollection AddCustomerMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ICustomerMailer>(provider =>
        {
            var mail = provider.GetRequiredService<IOptions<MailOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(mail.SmtpHost))
            {
                return ActivatorUtilities.CreateInstance<SmtpCustomerMailer>(provider);
            }
            var directory = string.IsNullOrWhiteSpace(mail.PickupDirectory)
                ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(provider.GetRequiredService<IOptions<StorageOptions>>().Value.DataPath)) ?? ".", "mail")
                : mail.PickupDirectory;
            return new PickupDirectoryMailer(directory, mail.From, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<PickupDirectoryMailer>>());
        });
        return services;
    }
}
