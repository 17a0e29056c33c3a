namespace CustomerCare.Recognition.Offline;

/// <summary>
/// Reads tab-separated utterance files with a header: training files have <c>text, intent</c> (the language comes
/// from the caller), evaluation files <c>text, intent, lang</c>. A malformed line is reported with its number.
/// </summary>
public static class UtteranceFile
{
    public static IReadOnlyList<Utterance> Read(TextReader reader, string? language = null)
    {
        var header = (reader.ReadLine() ?? throw new FormatException("line 1: the file is empty; expected a header 'text<TAB>intent[<TAB>lang]'."))
            .TrimStart('\uFEFF').Split('\t');
        var textColumn = Array.IndexOf(header, "text");
        var intentColumn = Array.IndexOf(header, "intent");
        var langColumn = Array.IndexOf(header, "lang");
        if (textColumn < 0 || intentColumn < 0 || (language is null && langColumn < 0))
        {
            throw new FormatException($"line 1: the header must name the columns text, intent{(language is null ? " and lang" : string.Empty)}.");
        }

        var utterances = new List<Utterance>();
        var number = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }
            var fields = line.Split('\t');
            if (fields.Length != header.Length)
            {
                throw new FormatException($"line {number}: expected {header.Length} tab-separated columns, found {fields.Length}.");
            }
            var intent = fields[intentColumn].Trim();
            if (!Intents.All.Contains(intent, StringComparer.Ordinal))
            {
                throw new FormatException($"line {number}: unknown intent '{intent}'; expected one of {string.Join(", ", Intents.All)}.");
            }
            var lang = language ?? fields[langColumn].Trim();
            if (lang is not ("en" or "de"))
            {
                throw new FormatException($"line {number}: unknown language '{lang}'; expected en or de.");
            }
            if (string.IsNullOrWhiteSpace(fields[textColumn]))
            {
                throw new FormatException($"line {number}: the text is empty.");
            }
            utterances.Add(new Utterance(fields[textColumn].Trim(), intent, lang));
        }
        return utterances;
    }

    /// <summary>The training utterances shipped in this assembly for a language.</summary>
    public static IReadOnlyList<Utterance> Embedded(string language)
    {
        using var stream = typeof(UtteranceFile).Assembly.GetManifestResourceStream($"CustomerCare.Recognition.Utterances.train.{language}.tsv")
            ?? throw new InvalidOperationException($"No training utterances for '{language}'.");
        using var reader = new StreamReader(stream);
        return Read(reader, language);
    }
}
