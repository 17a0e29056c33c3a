using CustomerCare.Recognition.Offline;

namespace CustomerCare.Tests.Recognition;

public sealed class IntentEvaluationTests
{
    [Fact]
    public void Evaluation_OfAKnownSet_GivesTheHandComputedFigures()
    {
        var evaluation = new IntentEvaluation(
        [
            ("Greeting", "Greeting"), ("Greeting", "Greeting"), ("Greeting", "Help"),
            ("Help", "Help"), ("Help", "None"),
            ("None", "None"),
        ]);

        Assert.Equal(4.0 / 6, evaluation.Accuracy, 6);
        Assert.Equal(1, evaluation.Count("Greeting", "Help"));
        Assert.Equal(0, evaluation.Count("Help", "Greeting"));
        var (precision, recall, f1, support) = evaluation.Scores("Help");
        Assert.Equal((0.5, 0.5, 0.5, 2), (precision, recall, f1, support));
        Assert.Equal((1.0, 2.0 / 3), (evaluation.Scores("Greeting").Precision, evaluation.Scores("Greeting").Recall));
        Assert.Contains("accuracy 66.67 % (4/6)", evaluation.Report(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text\tintent\tlang\nhello\tGreeting\ten\nhi there\tGreeting\n", "line 3: expected 3 tab-separated columns, found 2.")]
    [InlineData("text\tintent\tlang\nhello\tGreeting\ten\nhi\tSmalltalk\ten\n", "line 3: unknown intent 'Smalltalk'")]
    [InlineData("text\tintent\tlang\nhello\tGreeting\tfr\n", "line 2: unknown language 'fr'")]
    [InlineData("words\tlabel\n", "line 1: the header must name the columns")]
    public void MalformedFile_IsRefused_WithTheLineNumber(string content, string expected)
    {
        var error = Assert.Throws<FormatException>(() => UtteranceFile.Read(new StringReader(content)));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
