namespace CustomerCare.Bot.Operations;

/// <summary>The rows of a CSV table after its header: blank lines skipped, fields split on commas and trimmed, rows of the wrong width reported.</summary>
internal static class CsvRows
{
    public static IEnumerable<(int Line, string[] Fields)> Read(string[] lines, int columns, List<ImportProblem> problems)
    {
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }
            var fields = lines[i].Split(',').Select(v => v.Trim()).ToArray();
            if (fields.Length != columns)
            {
                problems.Add(new ImportProblem($"line {i + 1}", $"expected {columns} comma-separated columns, found {fields.Length}"));
                continue;
            }
            yield return (i + 1, fields);
        }
    }
}
