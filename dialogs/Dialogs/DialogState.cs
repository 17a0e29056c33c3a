using System.Text.Json.Nodes;

namespace CustomerCare.Dialogs;

/// <summary>One dialog on the stack: its id and the state it keeps between turns.</summary>
public sealed class DialogInstance
{
    public required string Id { get; init; }

    public JsonObject State { get; init; } = [];
}

/// <summary>The persisted dialog stack; index 0 is the active dialog.</summary>
public sealed class DialogState
{
    public List<DialogInstance> Stack { get; init; } = [];
}
