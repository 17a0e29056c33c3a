using System.Text.Json.Nodes;
using CustomerCare.Dialogs.Prompts;

namespace CustomerCare.Dialogs;

/// <summary>One dialog on the stack: its id and the state it keeps between turns.</summary>
public sealed class DialogInstance
{
    public required string Id { get; init; }

    public JsonObject State { get; init; } = [];

    /// <summary>A prompt's options (question, retry, choices), kept typed: prompts read them on every answer.</summary>
    public PromptOptions? Options { get; set; }

    /// <summary>The inner stack of a component dialog, kept typed so it is not re-serialized on every turn.</summary>
    public DialogState? Inner { get; set; }
}

/// <summary>The persisted dialog stack; index 0 is the active dialog.</summary>
public sealed class DialogState
{
    public List<DialogInstance> Stack { get; init; } = [];
}
