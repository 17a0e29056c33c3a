using CustomerCare.Builder;
using CustomerCare.Dialogs.Prompts;

namespace CustomerCare.Dialogs;

/// <summary>What a waterfall step sees: the flow's record, the previous step's result, and the stack operations.</summary>
public sealed class WaterfallStepContext<TFlow>
    where TFlow : class, new()
{
    private readonly WaterfallDialog<TFlow> _waterfall;
    private readonly DialogInstance _instance;

    internal WaterfallStepContext(WaterfallDialog<TFlow> waterfall, DialogContext dc, DialogInstance instance, TFlow flow, int index, DialogReason reason, object? result)
    {
        _waterfall = waterfall;
        _instance = instance;
        Dialogs = dc;
        Flow = flow;
        Index = index;
        Reason = reason;
        Result = result;
    }

    public DialogContext Dialogs { get; }

    public ITurnContext Context => Dialogs.Context;

    /// <summary>The flow's typed data; changes are persisted with the stack.</summary>
    public TFlow Flow { get; }

    public int Index { get; }

    public DialogReason Reason { get; }

    /// <summary>The previous step's result: a prompt's recognised value, a child dialog's result, or the user's text.</summary>
    public object? Result { get; }

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        SaveFlow();
        return Dialogs.PromptAsync(dialogId, options, cancellationToken);
    }

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        SaveFlow();
        return Dialogs.BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Skips to the next step without waiting for the user.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        SaveFlow();
        return _waterfall.RunStepAsync(Dialogs, Index + 1, DialogReason.NextCalled, result, cancellationToken);
    }

    public Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        SaveFlow();
        return Dialogs.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Starts this waterfall again from its first step with the current flow (e.g. "change an answer").</summary>
    public Task<DialogTurnResult> RestartAsync(CancellationToken cancellationToken = default)
    {
        SaveFlow();
        return _waterfall.RunStepAsync(Dialogs, 0, DialogReason.ReplaceCalled, null, cancellationToken);
    }

    /// <summary>True once the step handed control on; later steps own the flow from then.</summary>
    internal bool HandedOn { get; private set; }

    internal void SaveFlow()
    {
        HandedOn = true;
        WaterfallDialog<TFlow>.SaveFlow(_instance, Flow);
    }
}
