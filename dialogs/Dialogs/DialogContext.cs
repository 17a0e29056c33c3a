using System.Diagnostics;
using CustomerCare.Builder;
using CustomerCare.Diagnostics;
using CustomerCare.Dialogs.Prompts;

namespace CustomerCare.Dialogs;

/// <summary>Operates one dialog stack during one turn: begin, continue, end, cancel, replace.</summary>
public sealed class DialogContext(DialogSet dialogs, ITurnContext context, DialogState state, DialogContext? parent = null)
{
    public ITurnContext Context { get; } = context;

    public DialogContext? Parent { get; } = parent;

    public IReadOnlyList<DialogInstance> Stack => state.Stack;

    public DialogInstance? ActiveDialog => state.Stack.Count > 0 ? state.Stack[0] : null;

    public Dialog? FindDialog(string id) => dialogs.Find(id) ?? Parent?.FindDialog(id);

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = FindDialog(dialogId) ?? throw new InvalidOperationException($"No dialog with the id '{dialogId}' can be started here.");
        state.Stack.Insert(0, new DialogInstance { Id = dialogId });
        using var span = DialogSpan(SpanNames.DialogBegin, dialog);
        return Ended(span, await dialog.BeginDialogAsync(this, options, cancellationToken).ConfigureAwait(false));
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
        => BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } active)
        {
            return Task.FromResult(new DialogTurnResult(DialogTurnStatus.Empty));
        }
        return ContinueAsync(Require(active.Id), cancellationToken);
    }

    private async Task<DialogTurnResult> ContinueAsync(Dialog dialog, CancellationToken cancellationToken)
    {
        using var span = DialogSpan(SpanNames.DialogContinue, dialog);
        return Ended(span, await dialog.ContinueDialogAsync(this, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A span tagged with the dialog's type, a fixed set (a dialog's id may be made up at run time); WaterfallDialog`1 as WaterfallDialog.</summary>
    private static Activity? DialogSpan(string name, Dialog dialog)
        => CustomerCareTelemetry.Source.StartActivity(name)?.SetTag(TelemetryTags.Dialog, dialog.GetType().Name.Split('`')[0]);

    private static DialogTurnResult Ended(Activity? span, DialogTurnResult result)
    {
        span?.SetTag(TelemetryTags.DialogStatus, result.Status.ToString());
        return result;
    }

    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.EndCalled, cancellationToken).ConfigureAwait(false);
        if (ActiveDialog is { } parentInstance)
        {
            return await Require(parentInstance.Id).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken).ConfigureAwait(false);
        }
        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.ReplaceCalled, cancellationToken).ConfigureAwait(false);
        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }
        while (ActiveDialog is not null)
        {
            await PopAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
        }
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    public Task RepromptDialogAsync(CancellationToken cancellationToken = default)
        => ActiveDialog is { } active
            ? Require(active.Id).RepromptDialogAsync(Context, active, cancellationToken)
            : Task.CompletedTask;

    private async Task PopAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } active)
        {
            return;
        }
        if (FindDialog(active.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, active, reason, cancellationToken).ConfigureAwait(false);
        }
        state.Stack.RemoveAt(0);
    }

    private Dialog Require(string id)
        => FindDialog(id) ?? throw new InvalidOperationException($"The stack names a dialog '{id}' that this bot no longer has.");
}
