namespace CustomerCare.Bot.Operations;

/// <summary>One bad row of an import file: where (line, or JSON path), and what is wrong.</summary>
public sealed record ImportProblem(string Where, string Message)
{
    public override string ToString() => $"{Where}: {Message}";
}
