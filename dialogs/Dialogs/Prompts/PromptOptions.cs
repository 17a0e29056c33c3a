using CustomerCare.Schema;

namespace CustomerCare.Dialogs.Prompts;

/// <summary>What a prompt asks, what it says on a retry, its choices, and how many tries the user gets.</summary>
public sealed class PromptOptions
{
    public Activity? Prompt { get; set; }

    public Activity? RetryPrompt { get; set; }

    public List<Choice>? Choices { get; set; }

    /// <summary>After this many unrecognised or invalid answers the prompt gives up and returns null.</summary>
    public int? MaxAttempts { get; set; }
}

/// <summary>
/// One answer a choice prompt offers; synonyms are recognised too. Without <paramref name="MentionCounts"/> only the
/// answer itself (or its number) picks it, never a sentence that mentions it ("I don't want the voucher").
/// </summary>
public sealed record Choice(string Value, string? Title = null, IReadOnlyList<string>? Synonyms = null, bool MentionCounts = true);

/// <summary>The choice the user picked.</summary>
public sealed record FoundChoice(string Value, int Index);
