using CustomerCare.Payouts;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Payouts;

public static class PayoutServiceCollectionExtensions
{
    /// <summary>
    /// Payouts (<c>Payouts:*</c>): what the customer is told, how an account change is proven, and delivery to
    /// finance's webhook.
    /// </summary>
    public static IServiceCollection AddPayouts(this IServiceCollection services)
    {
        services.AddOptions<PayoutOptions>().BindConfiguration(PayoutOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => new PayoutPromise(provider.GetRequiredService<IOptions<PayoutOptions>>().Value.PaidWithinDays));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<PayoutOptions>>().Value;
            return new AccountChangeRules(options.CodeLifetimeMinutes, options.MaxCodesPerConversation, options.MaxCodesPerPayoutPerDay);
        });
        // Each delivery has its own timeout (Payouts:TimeoutSeconds); the client's own would cut it at 100 s.
        services.AddHttpClient(PayoutDispatcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        services.AddHostedService<PayoutDispatcher>();
        services.AddSingleton<RejectionNotices>();
        services.AddHostedService(provider => provider.GetRequiredService<RejectionNotices>());

        return services;
    }
}
