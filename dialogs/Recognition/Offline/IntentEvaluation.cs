using System.Globalization;
using System.Text;

namespace CustomerCare.Recognition.Offline;

/// <summary>Accuracy, per-intent precision/recall/F1 and the confusion matrix of predictions against labels.</summary>
public sealed class IntentEvaluation
{
    private readonly Dictionary<(string Expected, string Predicted), int> _confusion = [];

    public IntentEvaluation(IEnumerable<(string Expected, string Predicted)> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            _confusion[outcome] = _confusion.GetValueOrDefault(outcome) + 1;
            Total++;
            Correct += outcome.Expected == outcome.Predicted ? 1 : 0;
        }
        Labels = _confusion.Keys.SelectMany(k => new[] { k.Expected, k.Predicted }).Distinct()
            .OrderBy(l => Array.IndexOf(Intents.All.ToArray(), l) is var i && i < 0 ? int.MaxValue : i).ToList();
    }

    public int Total { get; }

    public int Correct { get; }

    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public IReadOnlyList<string> Labels { get; }

    public int Count(string expected, string predicted) => _confusion.GetValueOrDefault((expected, predicted));

    public (double Precision, double Recall, double F1, int Support) Scores(string intent)
    {
        var truePositives = Count(intent, intent);
        var predicted = Labels.Sum(l => Count(l, intent));
        var actual = Labels.Sum(l => Count(intent, l));
        var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
        var recall = actual == 0 ? 0 : (double)truePositives / actual;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1, actual);
    }

    public string Report()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"accuracy {Accuracy:P2} ({Correct}/{Total})").AppendLine();
        text.AppendLine(c, $"{"intent",-20}{"precision",10}{"recall",10}{"f1",10}{"support",9}");
        foreach (var label in Labels)
        {
            var (p, r, f, n) = Scores(label);
            text.AppendLine(c, $"{label,-20}{p,10:F3}{r,10:F3}{f,10:F3}{n,9}");
        }
        text.AppendLine().AppendLine("confusion matrix (rows: expected, columns: predicted)");
        var width = Math.Max(6, Labels.Max(l => Short(l).Length) + 1);
        text.Append(' ', 20);
        foreach (var label in Labels)
        {
            text.Append(Short(label).PadLeft(width));
        }
        text.AppendLine();
        foreach (var expected in Labels)
        {
            text.Append(expected.PadRight(20));
            foreach (var predicted in Labels)
            {
                text.Append(Count(expected, predicted).ToString(c).PadLeft(width));
            }
            text.AppendLine();
        }
        return text.ToString();
    }

    private static string Short(string label) => label.Length <= 8 ? label : label[..8];
}
