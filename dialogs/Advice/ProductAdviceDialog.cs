using CustomerCare.Builder;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Localization;

namespace CustomerCare.Advice;

/// <summary>
/// The honest adviser: which kind of product → 3–5 needs questions (with a way back) → the top three with reasons,
/// a side-by-side card and a disclosure of which products are the company's own → "why not X?" from the same scores.
/// </summary>
public sealed class ProductAdviceDialog : ComponentDialog
{
    private const string CatalogPrompt = "advice.catalog";
    private const string QuestionPrompt = "advice.question";
    private const string FollowUpPrompt = "advice.followUp";
    private const string Back = "back";
    private const string Done = "done";
    private const string Change = "change";
    private const string WhyNotPrefix = "whynot:";
    private readonly IReadOnlyList<Catalog> _catalogs;

    public ProductAdviceDialog(IReadOnlyList<Catalog> catalogs)
        : base(nameof(ProductAdviceDialog))
    {
        _catalogs = catalogs;
        AddDialog(new WaterfallDialog<AdviceFlow>("advice.steps", [ChooseCatalogAsync, AskQuestionAsync, RecordAnswerAsync, RecommendAsync, FollowUpAsync]));
        AddDialog(new ChoicePrompt(CatalogPrompt));
        AddDialog(new ChoicePrompt(QuestionPrompt));
        AddDialog(new ChoicePrompt(FollowUpPrompt));
    }

    private Task<DialogTurnResult> ChooseCatalogAsync(WaterfallStepContext<AdviceFlow> step, CancellationToken cancellationToken)
    {
        if (step.Flow.CatalogId is not null)
        {
            return step.NextAsync(null, cancellationToken);
        }
        var culture = step.Context.Culture();
        return step.PromptAsync(CatalogPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.AdviceChooseCatalog))),
            Choices = _catalogs.Select(c => new Choice(c.Id, c.Title.For(culture), [c.Title.En, c.Title.De, c.Id])).ToList(),
        }, cancellationToken);
    }

    private Task<DialogTurnResult> AskQuestionAsync(WaterfallStepContext<AdviceFlow> step, CancellationToken cancellationToken)
    {
        if (step.Result is FoundChoice chosen)
        {
            step.Flow.CatalogId = chosen.Value;
        }
        var catalog = Catalog(step.Flow);
        var next = catalog.Questions.FirstOrDefault(q => !step.Flow.Answers.ContainsKey(q.Id));
        if (next is null)
        {
            return step.NextAsync(Done, cancellationToken);
        }
        var culture = step.Context.Culture();
        var choices = next.Answers.Select(a => new Choice(a.Id, a.Label.For(culture), [a.Label.En, a.Label.De])).ToList();
        if (step.Flow.Answered.Count > 0)
        {
            choices.Add(new Choice(Back, BotText.Get(culture, nameof(Strings.AdviceBack)), ["back", "zurück", "zurueck", "previous"]));
        }
        return step.PromptAsync(QuestionPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(next.Text.For(culture)),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.ChoiceRetry))),
            Choices = choices,
        }, cancellationToken);
    }

    private Task<DialogTurnResult> RecordAnswerAsync(WaterfallStepContext<AdviceFlow> step, CancellationToken cancellationToken)
    {
        if (step.Result is Done)
        {
            return step.NextAsync(null, cancellationToken);
        }
        if (step.Result is FoundChoice { Value: Back })
        {
            step.Flow.StepBack();
            return step.RestartAsync(cancellationToken);
        }
        var catalog = Catalog(step.Flow);
        var question = catalog.Questions.First(q => !step.Flow.Answers.ContainsKey(q.Id));
        step.Flow.Answer(question.Id, ((FoundChoice)step.Result!).Value);
        return step.RestartAsync(cancellationToken);
    }

    private async Task<DialogTurnResult> RecommendAsync(WaterfallStepContext<AdviceFlow> step, CancellationToken cancellationToken)
    {
        var culture = step.Context.Culture();
        var catalog = Catalog(step.Flow);
        var ranking = Recommender.Rank(catalog, step.Flow.Answers);
        if (!step.Flow.Recommended)
        {
            var weights = Recommender.Weights(catalog, step.Flow.Answers);
            var maximum = weights.Values.Sum();
            var top = ranking.Take(3).ToList();
            var lines = top.Select((_, i) => AdviceTexts.Ranked(catalog, ranking, i, weights, maximum, culture));
            var text = step.Context.Text(nameof(Strings.AdviceRecommendIntro)) + "\n" + string.Join("\n", lines) + "\n" + AdviceTexts.Disclosure(catalog, ranking[0], culture);
            await step.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken).ConfigureAwait(false);
            await step.Context.SendActivityAsync(MessageFactory.Attachment(ComparisonCard.Build(catalog, top, maximum, culture)), cancellationToken).ConfigureAwait(false);
            step.Flow.Recommended = true;
        }
        var choices = ranking.Skip(1).Select(f => new Choice(WhyNotPrefix + f.Product.Id, BotText.Format(culture, nameof(Strings.AdviceWhyNot), f.Product.Name),
            [f.Product.Name, .. f.Product.Synonyms ?? []])).ToList();
        choices.Add(new Choice(Change, BotText.Get(culture, nameof(Strings.AdviceChange)), ["change", "ändern", "aendern", "back", "zurück"]));
        choices.Add(new Choice(Done, BotText.Get(culture, nameof(Strings.AdviceDone)), BotText.Words(culture, nameof(Strings.AdviceDoneWords))));
        return await step.PromptAsync(FollowUpPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.AdviceFollowUp))),
            Choices = choices,
            MaxAttempts = 2,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> FollowUpAsync(WaterfallStepContext<AdviceFlow> step, CancellationToken cancellationToken)
    {
        switch (step.Result)
        {
            case FoundChoice { Value: var value } when value.StartsWith(WhyNotPrefix, StringComparison.Ordinal):
                var catalog = Catalog(step.Flow);
                var answer = AdviceTexts.WhyNot(catalog, Recommender.Rank(catalog, step.Flow.Answers), value[WhyNotPrefix.Length..], step.Context.Culture());
                await step.Context.SendActivityAsync(MessageFactory.Text(answer), cancellationToken).ConfigureAwait(false);
                return await step.RestartAsync(cancellationToken).ConfigureAwait(false);
            case FoundChoice { Value: Change }:
                step.Flow.StepBack();
                return await step.RestartAsync(cancellationToken).ConfigureAwait(false);
            default:
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }
    }

    private Catalog Catalog(AdviceFlow flow) => _catalogs.First(c => c.Id == flow.CatalogId);
}
