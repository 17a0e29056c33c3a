using System.Globalization;
using System.Text.Json;
using CustomerCare.Airports;
using CustomerCare.Recognition;
using CustomerCare.Recognition.Clu;
using CustomerCare.Recognition.Entities;
using CustomerCare.Recognition.Offline;

namespace CustomerCare.Bot.Cli;

/// <summary>
/// For the people who tune the model: <c>nlu predict "text" [--locale de-DE]</c> prints the result as JSON;
/// <c>nlu eval FILE.tsv</c> prints accuracy, per-intent precision/recall/F1 and the confusion matrix.
/// </summary>
public static class NluCommand
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public const string Usage = """
        usage:
          nlu predict "text" [--locale en-US|de-DE]
          nlu eval FILE.tsv [--threshold 0.3]   (columns: text, intent, lang)
          nlu entities FILE.tsv        (columns: text, lang, bookingReference, flightNumber)
          nlu export [FILE.json]       (the shipped utterances as a CLU project for Language Studio)
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error, string cacheDirectory)
    {
        var store = new IntentModelStore(cacheDirectory, EntityExtractor.Default(AirportDirectory.Embedded));
        var threshold = Option(args, "--threshold") is { } t ? double.Parse(t, CultureInfo.InvariantCulture) : OfflineRecognizer.DefaultThreshold;
        var recognizer = new OfflineRecognizer(store, EntityExtractor.Default(AirportDirectory.Embedded), TimeProvider.System, threshold);
        switch (args)
        {
            case ["predict", var text, .. var rest]:
                var culture = CultureInfo.GetCultureInfo(Option(rest, "--locale") ?? "en-US");
                var language = culture.TwoLetterISOLanguageName == "de" ? "de" : "en";
                var entities = EntityExtractor.Default(AirportDirectory.Embedded).Extract(text, culture, DateOnly.FromDateTime(DateTime.Now));
                output.WriteLine(JsonSerializer.Serialize(recognizer.Classify(text, language, entities), Indented));
                return 0;
            case ["eval", var file, ..]:
                return Evaluate(file, recognizer, output, error);
            case ["entities", var file]:
                return EvaluateEntities(file, output, error);
            case ["export", .. var target]:
                var utterances = IntentModelStore.Languages.SelectMany(UtteranceFile.Embedded);
                var project = CluProjectExport.Build("CustomerCare", utterances, EntityExtractor.Default(AirportDirectory.Embedded), DateOnly.FromDateTime(DateTime.Now));
                var json = project.ToJsonString(Indented);
                if (target is [var path])
                {
                    File.WriteAllText(path, json);
                    output.WriteLine($"wrote {path}");
                }
                else
                {
                    output.WriteLine(json);
                }
                return 0;
            default:
                error.WriteLine(Usage);
                return 2;
        }
    }

    private static int Evaluate(string file, OfflineRecognizer recognizer, TextWriter output, TextWriter error)
    {
        IReadOnlyList<Utterance> utterances;
        try
        {
            using var reader = new StreamReader(file);
            utterances = UtteranceFile.Read(reader);
        }
        catch (FormatException ex)
        {
            error.WriteLine($"{file}: {ex.Message}");
            return 1;
        }
        catch (IOException ex)
        {
            error.WriteLine($"{file}: {ex.Message}");
            return 1;
        }
        var today = DateOnly.FromDateTime(DateTime.Now);
        var entities = EntityExtractor.Default(AirportDirectory.Embedded);
        var evaluation = new IntentEvaluation(utterances.Select(u =>
        {
            var culture = CultureInfo.GetCultureInfo(u.Language == "de" ? "de-DE" : "en-US");
            return (u.Intent, recognizer.Classify(u.Text, u.Language, entities.Extract(u.Text, culture, today)).TopIntent);
        }));
        output.Write(evaluation.Report());
        return 0;
    }

    private static int EvaluateEntities(string file, TextWriter output, TextWriter error)
    {
        IReadOnlyList<EntityExample> examples;
        try
        {
            using var reader = new StreamReader(file);
            examples = EntityExample.Read(reader);
        }
        catch (Exception ex) when (ex is FormatException or IOException)
        {
            error.WriteLine($"{file}: {ex.Message}");
            return 1;
        }
        var extractor = EntityExtractor.Default(AirportDirectory.Embedded);
        var today = DateOnly.FromDateTime(DateTime.Now);
        foreach (var category in new[] { EntityCategories.BookingReference, EntityCategories.FlightNumber })
        {
            var failures = examples.Where(e =>
            {
                var culture = CultureInfo.GetCultureInfo(e.Language == "de" ? "de-DE" : "en-US");
                var found = extractor.Extract(e.Text, culture, today).FirstOrDefault(x => x.Category == category)?.Resolution;
                return found != e.Expected(category);
            }).ToList();
            var correct = examples.Count - failures.Count;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{category,-18} {(double)correct / examples.Count,8:P2} ({correct}/{examples.Count})"));
            foreach (var failure in failures)
            {
                output.WriteLine($"    expected '{failure.Expected(category)}': {failure.Text}");
            }
        }
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
