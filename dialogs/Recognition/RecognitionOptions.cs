using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Recognition;

/// <summary>Which recognizer runs, and its settings. Offline needs nothing; CLU needs an endpoint, a project and a deployment.</summary>
public sealed class RecognitionOptions
{
    public const string Section = "Recognition";

    /// <summary>Offline (the shipped model) or Clu (Azure AI Language), which falls back to Offline when CLU fails.</summary>
    public RecognizerKind Recognizer { get; set; } = RecognizerKind.Offline;

    /// <summary>Below this confidence the result is None and the bot asks again.</summary>
    [Range(0.0, 1.0)]
    public double Threshold { get; set; } = Offline.OfflineRecognizer.DefaultThreshold;

    /// <summary>Where trained offline models are cached (relative to the content root).</summary>
    public string ModelCachePath { get; set; } = "data/nlu";

    public CluOptions Clu { get; set; } = new();
}

public enum RecognizerKind
{
    Offline,
    Clu,
}

/// <summary>Azure AI Language conversational language understanding (CLU).</summary>
public sealed class CluOptions
{
    /// <summary>e.g. https://my-language.cognitiveservices.azure.com</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The resource key; when empty, Entra ID (DefaultAzureCredential-style token credential) is used.</summary>
    public string? Key { get; set; }

    public string? ProjectName { get; set; }

    public string? DeploymentName { get; set; }

    public string ApiVersion { get; set; } = "2023-04-01";

    /// <summary>CLU gets this long (all retries included) before the offline model answers instead.</summary>
    [Range(100, 30_000)]
    public int TimeoutMilliseconds { get; set; } = 1500;

    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;
}
