namespace CustomerCare.Recognition.Offline;

/// <summary>How the intent classifier is trained; the defaults are the tuned ones (see README: Language understanding).</summary>
public sealed record IntentModelOptions(string Trainer, int WordNgrams, int CharNgrams, bool AllCharLengths, float? L2, int? Iterations)
{
    public static IntentModelOptions Default { get; } = new("lbfgs", 1, 5, true, 0.03f, null);
}
