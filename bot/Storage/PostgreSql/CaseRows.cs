using System.Text.Json;
using CustomerCare.Cases;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>How a case is kept in PostgreSQL: its file as JSON, and its status (in lower case, as in the data file), holder and thread as columns.</summary>
internal static class CaseRows
{
    /// <summary>The columns <see cref="Read"/> reads, in its order.</summary>
    public const string Columns = """
        reference, status, file, agent_id, agent_name, taken_utc, ended_utc, rating,
        agent_thread_id, agent_service_url, agent_bot_id, agent_card_activity_id, callback_email
        """;

    /// <summary>The case a person holds (or whose rating is awaited) for a customer's conversation: parameters from <see cref="HeldForCustomerParameters"/>.</summary>
    public static readonly string HeldForCustomerSql = $"SELECT {Columns} FROM cases WHERE conversation_id = $1 AND channel_id = $2 AND status = ANY($3) ORDER BY opened_utc LIMIT 1";

    public static object?[] HeldForCustomerParameters(string channelId, string conversationId)
        => [conversationId, channelId, new[] { Name(CaseStatus.Taken), Name(CaseStatus.Rating) }];

    public static string Name(CaseStatus status) => CaseDocuments.Name(status);

    /// <summary>The statuses a case may move to <paramref name="to"/> from, as the store's rule <see cref="CaseTransitions"/> says.</summary>
    public static string[] From(CaseStatus to) => Enum.GetValues<CaseStatus>().Where(from => CaseTransitions.Allows(from, to)).Select(Name).ToArray();

    public static string Json(CaseFile caseFile) => JsonSerializer.Serialize(caseFile, LedgerJson.Options);

    public static CaseFile File(string json) => JsonSerializer.Deserialize<CaseFile>(json, LedgerJson.Options)!;


    public static CaseRow Read(NpgsqlDataReader r) => new(
        File(r.GetString(2)) with { Reference = r.GetString(0) },
        Enum.Parse<CaseStatus>(r.GetString(1), ignoreCase: true),
        r.NullableString(3),
        r.NullableString(4),
        r.IsDBNull(5) ? null : r.GetDateTime(5),
        r.IsDBNull(6) ? null : r.GetDateTime(6),
        r.IsDBNull(7) ? null : r.GetInt32(7),
        r.NullableString(8) is { } thread ? new AgentThread(thread, r.NullableString(9) ?? string.Empty, r.NullableString(10) ?? string.Empty, r.NullableString(11)) : null,
        r.NullableString(12));
}

/// <summary>One case as its row holds it.</summary>
internal sealed record CaseRow(CaseFile File, CaseStatus Status, string? AgentId, string? AgentName, DateTime? TakenUtc, DateTime? EndedUtc, int? Rating,
    AgentThread? Thread, string? CallbackEmail)
{
    public HeldCase Held() => new(File, Status, AgentId, AgentName, Thread, Rating);

    public CaseHistory History(IReadOnlyList<CaseNote> notes, IReadOnlyList<CaseHandover> handovers)
        => new(File, Status, AgentId, AgentName, TakenUtc, EndedUtc, Rating, notes, CallbackEmail is not null) { Handovers = handovers, CallbackEmail = CallbackEmail };
}
