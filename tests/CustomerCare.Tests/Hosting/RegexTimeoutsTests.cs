using System.Text.RegularExpressions;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Hosting;

/// <summary>Every regular expression the bot runs on what people type (or on imported files) is bounded in time.</summary>
public sealed partial class RegexTimeoutsTests
{
    private static readonly string[] Projects = ["bot", "dialogs"];

    [Fact]
    public void EveryRegexInTheBotAndTheDialogs_HasAMatchTimeout()
    {
        var unbounded = new List<string>();
        foreach (var file in Projects.SelectMany(d => Directory.EnumerateFiles(Repository.PathOf(d), "*.cs", SearchOption.AllDirectories))
                     .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var source = File.ReadAllText(file);
            unbounded.AddRange(Unbounded(source).Select(call => Path.GetRelativePath(Repository.Root, file) + ": " + call));
        }
        Assert.Empty(unbounded);
    }

    [Fact]
    public void TheCheck_FindsAnUnboundedRegex_AndPassesABoundedOne()
    {
        Assert.Single(Unbounded("    [GeneratedRegex(\"a+\")]\n    private static partial Regex A();"));
        Assert.Single(Unbounded("var ok = Regex.IsMatch(text, \"a+\");"));
        Assert.Empty(Unbounded("    [GeneratedRegex(\"a+\", RegexOptions.None, matchTimeoutMilliseconds: 250)]"));
        Assert.Empty(Unbounded("var ok = Regex.IsMatch(text, \"a+\", RegexOptions.None, TimeSpan.FromMilliseconds(250));"));
    }

    private static IEnumerable<string> Unbounded(string source)
    {
        foreach (Match use in RegexUse().Matches(source))
        {
            var end = source.IndexOf(use.Value.StartsWith('[') ? ")]" : ");", use.Index, StringComparison.Ordinal);
            var call = source[use.Index..(end < 0 ? source.Length : end)];
            if (!call.Contains("matchTimeoutMilliseconds", StringComparison.Ordinal) && !call.Contains("TimeSpan", StringComparison.Ordinal) && !call.Contains("NonBacktracking", StringComparison.Ordinal))
            {
                yield return call.Split('\n')[0].Trim();
            }
        }
    }

    [GeneratedRegex(@"\[GeneratedRegex\(|new Regex\(|Regex\.(IsMatch|Match|Matches|Replace|Split)\(", RegexOptions.None, matchTimeoutMilliseconds: 250)]
    private static partial Regex RegexUse();
}
