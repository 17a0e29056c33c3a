using System.Diagnostics;
using System.Globalization;
using CustomerCare.Airports;
using CustomerCare.Recognition.Entities;
using CustomerCare.Recognition.Offline;

namespace CustomerCare.Benchmarks;

/// <summary>Offline language understanding: training time and memory per language, and recognition latency per utterance.</summary>
internal static class RecognitionBenchmark
{
    public static int Run(int rounds)
    {
        var entities = EntityExtractor.Default(AirportDirectory.Embedded);
        var store = new IntentModelStore(null, entities);
        var models = new Dictionary<string, IntentModel>();
        foreach (var language in IntentModelStore.Languages)
        {
            var utterances = UtteranceFile.Embedded(language);
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            models[language] = store.LoadOrTrain(language, utterances);
            clock.Stop();
            var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"training {language}            {utterances.Count} utterances in {clock.Elapsed.TotalMilliseconds:F0} ms, {allocated:F0} MB allocated"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB after training"));

        var samples = IntentModelStore.Languages.SelectMany(UtteranceFile.Embedded).Select(u => u with { Text = u.Text + " " }).Take(400).ToList();
        var recognizer = new OfflineRecognizer(store, entities, TimeProvider.System);
        var latencies = new List<double>(rounds * samples.Count);
        for (var round = 0; round < rounds + 1; round++)
        {
            foreach (var sample in samples)
            {
                var culture = CultureInfo.GetCultureInfo(sample.Language == "de" ? "de-DE" : "en-US");
                var begin = Stopwatch.GetTimestamp();
                recognizer.Classify(sample.Text, sample.Language, entities.Extract(sample.Text, culture, DateOnly.FromDateTime(DateTime.UtcNow)));
                if (round > 0)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                }
            }
        }
        latencies.Sort();
        double P(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recognition           {latencies.Count} utterances: p50 {P(0.50):F3} ms, p95 {P(0.95):F3} ms, p99 {P(0.99):F3} ms, max {latencies[^1]:F3} ms (entities + classifier)"));
        return 0;
    }
}
