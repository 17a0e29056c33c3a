using CustomerCare.Bot.Cli;
using CustomerCare.Recognition.Offline;

namespace CustomerCare.Tests.Recognition;

public sealed class NluCommandTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = NluCommand.Run(args, output, error, Path.Combine(Path.GetTempPath(), "customercare-tests", "nlu"));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Eval_OnATinyFile_PrintsAccuracyAndTheConfusionMatrix()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "text\tintent\tlang\nhello there\tGreeting\ten\nI want to talk to a human agent\tTalkToHuman\ten\nmein Koffer ist nicht angekommen\tReportDisruption\tde\n");

        var (exit, output, _) = Run("eval", file);

        Assert.Equal(0, exit);
        Assert.Contains("accuracy 100.00 % (3/3)", output, StringComparison.Ordinal);
        Assert.Contains("confusion matrix", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_OnAMalformedFile_ExitsNonZero_NamingTheLine()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "text\tintent\tlang\nhello\tGreeting\ten\nbroken line without tabs\n");

        var (exit, _, error) = Run("eval", file);

        Assert.Equal(1, exit);
        Assert.Contains("line 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_PrintsTheResultAsJson_WithEntities()
    {
        var (exit, output, _) = Run("predict", "bumped off LH400 yesterday!!");

        Assert.Equal(0, exit);
        var result = System.Text.Json.Nodes.JsonNode.Parse(output)!;
        Assert.Equal("ReportDisruption", result["topIntent"]!.GetValue<string>());
        Assert.Contains(result["entities"]!.AsArray(), e => e!["resolution"]!.GetValue<string>() == "LH400");
    }

    [Fact]
    public void Export_WritesACluConversationProject_WithEveryShippedUtterance()
    {
        var file = Path.GetTempFileName();

        var (exit, _, _) = Run("export", file);

        Assert.Equal(0, exit);
        var project = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!;
        Assert.Equal("Conversation", project["metadata"]!["projectKind"]!.GetValue<string>());
        var utterances = project["assets"]!["utterances"]!.AsArray();
        Assert.Equal(UtteranceFile.Embedded("en").Count + UtteranceFile.Embedded("de").Count, utterances.Count);
        Assert.Contains(utterances, u => u!["entities"]!.AsArray().Any(e => e!["category"]!.GetValue<string>() == "bookingReference"));
    }
}
