using CustomerCare.Schema;

namespace CustomerCare.Dialogs;

public delegate Task<DialogTurnResult> WaterfallStep<TFlow>(WaterfallStepContext<TFlow> step, CancellationToken cancellationToken)
    where TFlow : class, new();

/// <summary>
/// A fixed sequence of steps; each step prompts, starts a child dialog or moves on. The flow's data is one
/// typed record (<typeparamref name="TFlow"/>) persisted with the step index between turns.
/// </summary>
public sealed class WaterfallDialog<TFlow>(string id, IReadOnlyList<WaterfallStep<TFlow>> steps) : Dialog(id)
    where TFlow : class, new()
{
    private const string StepIndexKey = "stepIndex";
    private const string FlowKey = "flow";

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveDialog!;
        instance.State.Put(FlowKey, options as TFlow ?? new TFlow());
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (!dc.Context.Activity.IsType(ActivityTypes.Message))
        {
            return Task.FromResult(DialogTurnResult.EndOfTurn);
        }
        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        var index = dc.ActiveDialog!.State.Get<int>(StepIndexKey);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var instance = dc.ActiveDialog!;
        instance.State.Put(StepIndexKey, index);
        var flow = instance.State.Get<TFlow>(FlowKey) ?? new TFlow();
        var step = new WaterfallStepContext<TFlow>(this, dc, instance, flow, index, reason, result);
        var outcome = await steps[index](step, cancellationToken).ConfigureAwait(false);
        if (!step.HandedOn)
        {
            SaveFlow(instance, step.Flow);
        }
        return outcome;
    }

    internal static void SaveFlow(DialogInstance instance, TFlow flow) => instance.State.Put(FlowKey, flow);
}
