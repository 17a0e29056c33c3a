using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Remedies;

/// <summary>All published versions of the remedy policy, each with its effective dates (Data/remedy-policy.json).</summary>
public sealed class RemedyPolicyBook
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public RemedyPolicyBook(IEnumerable<RemedyPolicy> versions)
    {
        Versions = versions.OrderBy(v => v.EffectiveFrom).ToList();
        if (Versions.Count == 0)
        {
            throw new InvalidOperationException("The remedy policy has no versions.");
        }
    }

    public IReadOnlyList<RemedyPolicy> Versions { get; }

    public static RemedyPolicyBook Embedded { get; } = Load(typeof(RemedyPolicyBook).Assembly.GetManifestResourceStream("CustomerCare.Data.remedy-policy.json")!);

    /// <summary>The version in force on the day; the newest is used for days after all versions, the oldest for days before.</summary>
    public RemedyPolicy InForceOn(DateOnly day)
        => Versions.LastOrDefault(v => v.AppliesOn(day)) ?? (day < Versions[0].EffectiveFrom ? Versions[0] : Versions[^1]);

    public RemedyPolicy Find(string version)
        => Versions.FirstOrDefault(v => v.Version == version) ?? throw new KeyNotFoundException($"No remedy policy version '{version}'.");

    public static RemedyPolicyBook Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<PolicyFile>(json, Json) ?? throw new InvalidDataException("The remedy policy file is empty.");
        return new RemedyPolicyBook(file.Versions);
    }

    private sealed record PolicyFile(List<RemedyPolicy> Versions);
}
