using System.Text.Json;

namespace CustomerCare.Advice;

/// <summary>Reads catalogs and refuses a malformed one with a message naming the file, the product or question, and the field.</summary>
public static class CatalogLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static Catalog Load(string name, Stream json)
    {
        Catalog? catalog;
        try
        {
            catalog = JsonSerializer.Deserialize<Catalog>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new CatalogException($"{name}: line {(ex.LineNumber ?? 0) + 1}: {ex.Message}");
        }
        if (catalog is null)
        {
            throw new CatalogException($"{name}: the file is empty");
        }
        var problems = CatalogValidator.Problems(catalog).ToList();
        if (problems.Count > 0)
        {
            throw new CatalogException($"{name}: " + string.Join($"{Environment.NewLine}{name}: ", problems));
        }
        return catalog;
    }

    /// <summary>The two catalogs shipped with the bot.</summary>
    public static IReadOnlyList<Catalog> Embedded()
    {
        var assembly = typeof(CatalogLoader).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith("CustomerCare.Data.catalogs.", StringComparison.Ordinal)).Order()
            .Select(n => Load(n["CustomerCare.Data.".Length..].Replace("catalogs.", "catalogs/", StringComparison.Ordinal), assembly.GetManifestResourceStream(n)!))
            .ToList();
    }

    public static IReadOnlyList<Catalog> FromDirectory(string directory)
        => Directory.GetFiles(directory, "*.json").Order().Select(path =>
        {
            using var stream = File.OpenRead(path);
            return Load(path, stream);
        }).ToList();
}

public sealed class CatalogException(string message) : Exception(message);
