using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CustomerCare.Recognition.Entities;

namespace CustomerCare.Recognition.Offline;

/// <summary>
/// The offline models, one per language: trained from the shipped utterances on first use and cached on disk,
/// keyed by a hash of the training data, so a restart loads in milliseconds and changed data retrains.
/// </summary>
public sealed class IntentModelStore(string? cacheDirectory, EntityExtractor entities)
{
    private const string ModelVersion = "intent-v1";
    private static readonly DateOnly NormalizationDate = new(2026, 1, 1);
    private readonly ConcurrentDictionary<string, Lazy<IntentModel>> _models = new(StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> Languages = ["en", "de"];

    /// <summary>The model for a language (English for any other), trained or loaded on first use.</summary>
    public IntentModel Get(string language) => Model(language).Value;

    /// <summary>True once the language's model is ready, so a caller can avoid waiting for training.</summary>
    public bool IsReady(string language) => Model(language).IsValueCreated;

    private Lazy<IntentModel> Model(string language)
        => _models.GetOrAdd(Languages.Contains(language) ? language : "en",
            lang => new Lazy<IntentModel>(() => LoadOrTrain(lang, UtteranceFile.Embedded(lang)), LazyThreadSafetyMode.ExecutionAndPublication));

    /// <summary>Normalizes a text for the classifier exactly as training did.</summary>
    public string Normalize(string text, string language)
        => TextNormalizer.Normalize(text, entities.Extract(text, System.Globalization.CultureInfo.GetCultureInfo(language == "de" ? "de-DE" : "en-US"), NormalizationDate));

    public IntentModel LoadOrTrain(string language, IReadOnlyList<Utterance> utterances)
    {
        var hash = Hash(utterances);
        var path = cacheDirectory is null ? null : Path.Combine(cacheDirectory, $"{ModelVersion}.{language}.{hash}.zip");
        if (path is not null && File.Exists(path))
        {
            try
            {
                using var cached = File.OpenRead(path);
                return IntentModel.Load(cached);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or FormatException)
            {
                File.Delete(path);
            }
        }

        var model = IntentModel.Train(utterances.Select(u => (Normalize(u.Text, language), u.Intent)));
        if (path is not null)
        {
            Directory.CreateDirectory(cacheDirectory!);
            var temporary = path + ".tmp";
            using (var file = File.Create(temporary))
            {
                model.Save(file);
            }
            File.Move(temporary, path, overwrite: true);
        }
        return model;
    }

    private static string Hash(IReadOnlyList<Utterance> utterances)
    {
        var text = string.Join('\n', utterances.Select(u => u.Intent + "\t" + u.Text));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ModelVersion + "\n" + text)))[..16].ToLowerInvariant();
    }
}
