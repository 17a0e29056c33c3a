using CustomerCare.Builder;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Grants;
using CustomerCare.Localization;
using CustomerCare.Operations;
using CustomerCare.Remedies;
using CustomerCare.Schema;

namespace CustomerCare.Conversation;

/// <summary>
/// A bag: the file reference of its property irregularity report, checked against the booking's reports for the
/// journey (three misses hand over) → for a lost bag, what was in it; for a damaged one, the damage and a photo →
/// back to the assessment, which offers what the policy gives or hands the claim to a person with all of it.
/// </summary>
public sealed partial class ReportDisruptionDialog
{
    private const string BagStepsId = "disruption.bag";
    private const string BagFilePrompt = "disruption.bagFile";
    private const string BagDetailsPrompt = "disruption.bagDetails";
    private const string BagPhotoPrompt = "disruption.bagPhoto";
    private const int MaxBagFileAttempts = 3;
    private const int MaxBagDetails = 2_000;

    private void AddBagDialogs()
    {
        AddDialog(new WaterfallDialog<DisruptionReport>(BagStepsId, [AskBagFileAsync, FindBagReportAsync, AskBagPhotoAsync, KeepBagPhotoAsync]));
        AddDialog(new TextPrompt(BagFilePrompt, (prompt, _) => Task.FromResult(BagRecord.FileReferencesIn(prompt.Recognized.Value).Count > 0)));
        AddDialog(new TextPrompt(BagDetailsPrompt, (prompt, _) => Task.FromResult(prompt.Recognized.Value?.Count(char.IsLetter) >= 3)));
        // A photo is a file uploaded in this conversation through the bot's own Direct Line, as receipts are.
        AddDialog(new AttachmentPrompt(BagPhotoPrompt, (prompt, _) => Task.FromResult(prompt.Context.Activity.ServiceUrl == OwnDirectLine.ServiceUrl
            && UploadLinks.IdOf(prompt.Recognized.Value?.ContentUrl) is not null && prompt.Recognized.Value?.ContentType?.StartsWith("image/", StringComparison.Ordinal) == true)));
    }

    private static Task<DialogTurnResult> AskBagFileAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
        => step.PromptAsync(BagFilePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.AskBagFile))),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.BagFileRetry))),
            MaxAttempts = 3,
        }, cancellationToken);

    private async Task<DialogTurnResult> FindBagReportAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        var flow = step.Flow;
        if (BagRecord.FileReferencesIn(step.Result as string) is not [var said, ..] references)
        {
            return await step.EndDialogAsync(flow, cancellationToken).ConfigureAwait(false);
        }
        var booking = await _grants.Operations.FindBookingAsync(flow.BookingReference!, cancellationToken).ConfigureAwait(false);
        var journey = booking is null ? null : Journey.Find(booking, flow.JourneyFlight, IsoDates.Parse(flow.JourneyDate));
        // Any traveller's bag on this booking and journey: a parent may report their child's; nobody reaches another booking's.
        var bag = journey is null ? null : references.Select(r => BagReportFacts.Find(booking!, journey, r)).FirstOrDefault(b => b is not null);
        if (bag is null)
        {
            flow.BagFileAttempts++;
            flow.BagFileTried = said;
            await Say(step, nameof(Strings.BagFileNotFound), said, flow.BookingReference).ConfigureAwait(false);
            return flow.BagFileAttempts >= MaxBagFileAttempts
                ? await step.EndDialogAsync(flow, cancellationToken).ConfigureAwait(false)
                : await step.RestartAsync(cancellationToken).ConfigureAwait(false);
        }
        flow.BagFileReference = bag.FileReference;
        flow.ForPassengers = [bag.PassengerId];
        flow.BagPhotoWanted = bag.Status == BagStatus.Damaged;
        var outcome = await IdentifyForAsync(flow, bag.PassengerId, cancellationToken).ConfigureAwait(false) is { } claim
            && await _grants.AssessAsync(claim, cancellationToken).ConfigureAwait(false) is Assessment.Assessed assessed
            ? _grants.Policy.BagOutcomeOf(assessed.Facts)
            : null;
        return outcome switch
        {
            BagOutcome.Lost => await AskBagDetailsAsync(step, nameof(Strings.AskLostBagContents), cancellationToken).ConfigureAwait(false),
            BagOutcome.Damaged => await AskBagDetailsAsync(step, nameof(Strings.AskBagDamage), cancellationToken).ConfigureAwait(false),
            _ => await step.EndDialogAsync(flow, cancellationToken).ConfigureAwait(false),
        };
    }

    private static Task<DialogTurnResult> AskBagDetailsAsync(WaterfallStepContext<DisruptionReport> step, string key, CancellationToken cancellationToken)
        => step.PromptAsync(BagDetailsPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(key)),
            RetryPrompt = MessageFactory.Text(step.Context.Text(key)),
            MaxAttempts = 3,
        }, cancellationToken);

    private static async Task<DialogTurnResult> AskBagPhotoAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        var flow = step.Flow;
        if (step.Result is string details)
        {
            // The words reach the person's case as plain text: line breaks kept, other control characters dropped.
            var plain = new string(details.Where(c => c == '\n' || !char.IsControl(c)).ToArray()).Trim();
            flow.BagDetails = plain.Length > MaxBagDetails ? plain[..MaxBagDetails] : plain;
        }
        if (!flow.BagPhotoWanted)
        {
            return await step.EndDialogAsync(flow, cancellationToken).ConfigureAwait(false);
        }
        return await step.PromptAsync(BagPhotoPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.AskBagPhoto))),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.BagPhotoRetry))),
            // Without a photo the claim still goes on: the person asks for one.
            MaxAttempts = 2,
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> KeepBagPhotoAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        step.Flow.BagPhotoUrl = (step.Result as Attachment)?.ContentUrl;
        if (step.Flow.BagPhotoUrl is null)
        {
            await Say(step, nameof(Strings.BagPhotoLater)).ConfigureAwait(false);
        }
        return await step.EndDialogAsync(step.Flow, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What the person handling a bag claim reads first: the report, and what the customer said and sent.</summary>
    private static string? BagSummary(DisruptionReport flow)
        => flow.BagFileReference is not { } reference ? null
            : string.Join("\n", new[]
            {
                "Bag report " + reference,
                flow.BagDetails is { } details ? "Customer's words: " + details : null,
                flow.BagPhotoUrl is { } photo ? "Photo: " + photo : null,
            }.Where(l => l is not null));
}
