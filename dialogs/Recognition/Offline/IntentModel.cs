using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace CustomerCare.Recognition.Offline;

/// <summary>
/// A trained intent classifier for one language (ML.NET: word and character n-grams, maximum-entropy SDCA).
/// Thread-safe: prediction engines are pooled, since one engine serves one caller at a time.
/// </summary>
public sealed class IntentModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;
    private readonly string[] _labels;
    private readonly ConcurrentBag<PredictionEngine<Example, Prediction>> _engines = [];

    private IntentModel(MLContext ml, ITransformer model, DataViewSchema inputSchema)
    {
        _ml = ml;
        _model = model;
        _inputSchema = inputSchema;
        var engine = ml.Model.CreatePredictionEngine<Example, Prediction>(model, inputSchema);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        engine.OutputSchema["Score"].GetSlotNames(ref names);
        _labels = names.DenseValues().Select(n => n.ToString()).ToArray();
        _engines.Add(engine);
    }

    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Trains on already-normalized examples. The same data and seed always give the same model.</summary>
    public static IntentModel Train(IEnumerable<(string Text, string Intent)> examples, IntentModelOptions? options = null)
    {
        options ??= IntentModelOptions.Default;
        var ml = new MLContext(seed: 7);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new Example { Text = e.Text, Label = e.Intent }));
        var featurize = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = options.WordNgrams, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = options.CharNgrams, UseAllLengths = options.AllCharLengths },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var featurizer = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", featurize, nameof(Example.Text)));
        var pipeline = options.Trainer switch
        {
            "lbfgs" => featurizer.Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy("Label", "Features", l2Regularization: options.L2 ?? 1f, l1Regularization: 0)).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel")),
            _ => featurizer.Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Label", "Features", l2Regularization: options.L2, maximumNumberOfIterations: options.Iterations)).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel")),
        };
        return new IntentModel(ml, pipeline.Fit(data), data.Schema);
    }

    public static IntentModel Load(Stream stream)
    {
        var ml = new MLContext(seed: 7);
        var model = ml.Model.Load(stream, out var schema);
        return new IntentModel(ml, model, schema);
    }

    public void Save(Stream stream) => _ml.Model.Save(_model, _inputSchema, stream);

    /// <summary>Every intent's probability for a normalized text, highest first.</summary>
    public IReadOnlyList<(string Intent, double Score)> Predict(string normalizedText)
    {
        if (!_engines.TryTake(out var engine))
        {
            engine = _ml.Model.CreatePredictionEngine<Example, Prediction>(_model, _inputSchema);
        }
        try
        {
            var scores = engine.Predict(new Example { Text = normalizedText, Label = string.Empty }).Score;
            return scores.Select((score, i) => (_labels[i], (double)score)).OrderByDescending(s => s.Item2).ToList();
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    private sealed class Example
    {
        public string Text { get; set; } = string.Empty;

        public string Label { get; set; } = string.Empty;
    }

    private sealed class Prediction
    {
        public float[] Score { get; set; } = [];
    }
}
