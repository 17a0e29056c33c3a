using Azure.Identity;
using CustomerCare.Airports;
using CustomerCare.Recognition;
using CustomerCare.Recognition.Entities;
using CustomerCare.Recognition.Offline;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Language;

public static class LanguageServiceCollectionExtensions
{
    /// <summary>Language understanding: the offline model by default, CLU when configured (falling back to offline).</summary>
    public static IServiceCollection AddLanguageUnderstanding(this IServiceCollection services)
    {
        services.AddOptions<RecognitionOptions>().BindConfiguration(RecognitionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(AirportDirectory.Embedded);
        services.AddSingleton(provider => EntityExtractor.Default(provider.GetRequiredService<AirportDirectory>()));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<RecognitionOptions>>().Value;
            var root = provider.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new IntentModelStore(Path.GetFullPath(options.ModelCachePath, root), provider.GetRequiredService<EntityExtractor>());
        });
        services.AddSingleton(provider => new OfflineRecognizer(
            provider.GetRequiredService<IntentModelStore>(),
            provider.GetRequiredService<EntityExtractor>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<RecognitionOptions>>().Value.Threshold));
        services.AddSingleton<IRecognizer>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<RecognitionOptions>>();
            if (options.Value.Recognizer != RecognizerKind.Clu)
            {
                return new TracedRecognizer(provider.GetRequiredService<OfflineRecognizer>());
            }
            var credential = string.IsNullOrWhiteSpace(options.Value.Clu.Key) ? new DefaultAzureCredential() : null;
            return new TracedRecognizer(new CluRecognizer(options, provider.GetRequiredService<OfflineRecognizer>(), provider.GetRequiredService<ILogger<CluRecognizer>>(), credential));
        });
        services.AddHostedService<ModelWarmup>();
        return services;
    }
}
