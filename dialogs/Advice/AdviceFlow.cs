namespace CustomerCare.Advice;

/// <summary>The adviser conversation's record: which catalog, the answers so far in the order given.</summary>
public sealed class AdviceFlow
{
    public string? CatalogId { get; set; }

    public List<string> Answered { get; set; } = [];

    public Dictionary<string, string> Answers { get; set; } = [];

    public bool Recommended { get; set; }

    public void Answer(string questionId, string answerId)
    {
        Answers[questionId] = answerId;
        Answered.Remove(questionId);
        Answered.Add(questionId);
    }

    /// <summary>Forgets the most recent answer, so its question is asked again.</summary>
    public void StepBack()
    {
        if (Answered.Count > 0)
        {
            Answers.Remove(Answered[^1]);
            Answered.RemoveAt(Answered.Count - 1);
        }
        Recommended = false;
    }
}
