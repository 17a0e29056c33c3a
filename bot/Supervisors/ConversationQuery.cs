namespace CustomerCare.Bot.Supervisors;

/// <summary>A supervisor's filters for the conversation list; every filter is optional. Dates are UTC days, inclusive.</summary>
public sealed record ConversationQuery
{
    public const int DefaultPageSize = 25;

    public string? Search { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? Channel { get; init; }

    public string? Outcome { get; init; }

    public string? Agent { get; init; }

    public string? Language { get; init; }

    public int? Rating { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;
}

/// <summary>One page of matching conversations, newest first, and how many matched in all.</summary>
public sealed record ConversationPage(IReadOnlyList<ConversationSummary> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
