namespace CustomerCare.Bot.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>The data-subject export and erasure, over the stores' ports (the store adds its <see cref="IErasureStore"/>).</summary>
    public static IServiceCollection AddCustomerPrivacy(this IServiceCollection services)
    {
        services.AddSingleton<CustomerRecordsReader>();
        services.AddSingleton<CustomerErasure>();
        return services;
    }
}
