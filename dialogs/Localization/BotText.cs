using System.Collections.Concurrent;
using System.Globalization;
using CustomerCare.Builder;

namespace CustomerCare.Localization;

/// <summary>Every user-facing sentence comes from Resources/Strings*.resx; keys are checked by the compiler via nameof(Strings.X).</summary>
public static class BotText
{
    private static readonly ConcurrentDictionary<(string Culture, string Key), string> Cache = new();

    /// <summary>Cached per culture and key: ResourceManager takes a lock on every lookup.</summary>
    public static string Get(CultureInfo culture, string key)
        => Cache.GetOrAdd((culture.Name, key), static (k, c) => Strings.ResourceManager.GetString(k.Key, c)
           ?? throw new InvalidOperationException($"The text '{k.Key}' is missing from the resources."), culture);

    /// <summary>The text for a key that may not exist (a code from data, such as a delay cause); null when it does not.</summary>
    public static string? Find(CultureInfo culture, string key) => Strings.ResourceManager.GetString(key, culture);

    public static string Format(CultureInfo culture, string key, params object?[] args)
        => string.Format(culture, Get(culture, key), args);

    public static string Text(this ITurnContext turnContext, string key) => Get(turnContext.Culture(), key);

    public static string Text(this ITurnContext turnContext, string key, params object?[] args) => Format(turnContext.Culture(), key, args);

    /// <summary>A comma-separated word list from the resources (e.g. the words meaning "yes").</summary>
    public static IReadOnlyList<string> Words(CultureInfo culture, string key)
        => Get(culture, key).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
