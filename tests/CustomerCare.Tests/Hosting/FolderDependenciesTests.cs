using System.Text.RegularExpressions;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Hosting;

/// <summary>
/// Folders of bot/ depend on each other one way: Hosting composes everything, Storage implements the ports of the
/// folders above it, and nothing depends back. A using directive or qualified name that closes a cycle fails this test.
/// </summary>
public sealed partial class FolderDependenciesTests
{
    [Fact]
    public void TheBotsFolders_FormNoCyclesButTheKnownOnes()
    {
        var root = Repository.PathOf("bot");
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                     .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
            if (relative.Length < 2)
            {
                continue;
            }
            var folder = relative[0];
            foreach (Match used in Reference().Matches(File.ReadAllText(file)))
            {
                var target = used.Groups[1].Value;
                if (target != folder)
                {
                    (edges.TryGetValue(folder, out var set) ? set : edges[folder] = new HashSet<string>(StringComparer.Ordinal)).Add(target);
                }
            }
        }

        var cycles = StronglyConnected(edges).Where(c => c.Count > 1).Select(c => string.Join(" ↔ ", c.Order(StringComparer.Ordinal))).ToList();

        Assert.True(edges.Count > 5, "the folders' references were not found");
        Assert.Empty(cycles);
    }

    [Fact]
    public void LiteDbAndNpgsql_AreUsedOnlyInStorage()
    {
        var outside = new List<string>();
        foreach (var project in new[] { "bot", "dialogs" })
        {
            var root = Repository.PathOf(project);
            foreach (var file in Directory.EnumerateFiles(root, "*.cs*", SearchOption.AllDirectories)
                         .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
                         .Where(f => !Path.GetRelativePath(Repository.PathOf("bot"), f).StartsWith("Storage" + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                if (StoreLibrary().IsMatch(File.ReadAllText(file)))
                {
                    outside.Add(Path.GetRelativePath(Repository.PathOf(), file));
                }
            }
        }

        Assert.Empty(outside);
    }

    [GeneratedRegex(@"\busing\s+(LiteDB|Npgsql)\b|\b(LiteDB|Npgsql)\.[A-Z]")]
    private static partial Regex StoreLibrary();

    /// <summary>Tarjan's algorithm over the folder graph.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, HashSet<string>> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges.TryGetValue(node, out var targets) ? targets : [])
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }
            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }
        foreach (var node in edges.Keys.Concat(edges.Values.SelectMany(v => v)).Distinct(StringComparer.Ordinal).ToList())
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }
        return components;
    }

    /// <summary>A using directive or a qualified name of another of the bot's folders.</summary>
    [GeneratedRegex(@"CustomerCare\.Bot\.([A-Z][A-Za-z]+)\b")]
    private static partial Regex Reference();
}
