using CustomerCare.Builder;

namespace CustomerCare.Dialogs;

/// <summary>A dialog made of dialogs: it runs its own inner stack, kept in its instance state, and ends when that stack does.</summary>
public abstract class ComponentDialog(string id) : Dialog(id)
{
    private readonly DialogSet _dialogs = new();

    protected string? InitialDialogId { get; set; }

    protected ComponentDialog AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
        => RunInnerAsync(dc, new DialogState(), inner => inner.BeginDialogAsync(
            InitialDialogId ?? throw new InvalidOperationException($"The component '{Id}' has no dialogs."), options, cancellationToken), cancellationToken);

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
        => RunInnerAsync(dc, LoadInner(dc.ActiveDialog!), inner => inner.ContinueDialogAsync(cancellationToken), cancellationToken);

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
        => new DialogContext(_dialogs, turnContext, LoadInner(instance)).RepromptDialogAsync(cancellationToken);

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        if (reason == DialogReason.CancelCalled)
        {
            var inner = LoadInner(instance);
            await new DialogContext(_dialogs, turnContext, inner).CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DialogTurnResult> RunInnerAsync(
        DialogContext dc, DialogState innerState, Func<DialogContext, Task<DialogTurnResult>> operation, CancellationToken cancellationToken)
    {
        dc.ActiveDialog!.Inner = innerState;
        var inner = new DialogContext(_dialogs, dc.Context, innerState, dc);
        var result = await operation(inner).ConfigureAwait(false);
        return result.Status == DialogTurnStatus.Waiting
            ? DialogTurnResult.EndOfTurn
            : await dc.EndDialogAsync(result.Result, cancellationToken).ConfigureAwait(false);
    }

    private static DialogState LoadInner(DialogInstance instance) => instance.Inner ??= new DialogState();
}
