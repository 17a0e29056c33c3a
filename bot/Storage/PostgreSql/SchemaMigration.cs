using System.Reflection;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>One versioned step of the schema: an embedded <c>Migrations/NNNN_name.sql</c> script, applied once, in order.</summary>
public sealed record SchemaMigration(int Version, string Name, string Sql)
{
    private const string Prefix = "CustomerCare.Bot.Migrations.";

    /// <summary>The scripts shipped with this build, in version order.</summary>
    public static IReadOnlyList<SchemaMigration> Shipped { get; } = Load();

    private static List<SchemaMigration> Load()
    {
        var assembly = typeof(SchemaMigration).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Read(assembly, n))
            .OrderBy(m => m.Version)
            .ToList();
        if (migrations.Select(m => m.Version).Distinct().Count() != migrations.Count || migrations.Where((m, i) => m.Version != i + 1).Any())
        {
            throw new InvalidOperationException("Schema migrations must be numbered 0001, 0002, … without gaps or repeats.");
        }
        return migrations;
    }

    private static SchemaMigration Read(Assembly assembly, string resource)
    {
        var file = resource[Prefix.Length..^".sql".Length];
        var separator = file.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(file[..separator], out var version))
        {
            throw new InvalidOperationException($"Schema migration '{file}.sql' is not named NNNN_name.sql.");
        }
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new SchemaMigration(version, file[(separator + 1)..], reader.ReadToEnd());
    }
}
