using CustomerCare.Builder;
using System.Security.Cryptography;
using System.Text;
using CustomerCare.Bot.Supervisors;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>How a conversation's summary is kept in <c>conversation_summaries</c>: one column per field, found by the SHA-256 of the conversation's key.</summary>
internal static class SummaryRows
{
    /// <summary>The columns <see cref="Read"/> reads, in its order.</summary>
    public const string Columns = """
        channel_id, conversation_id, first_utc, last_utc, activities, locale, customer_id, customer_name, preview,
        bookings, agents, case_reference, handed_off, grants, rating, review_score, agents_thread
        """;

    public static byte[] Hash(string channelId, string conversationId) => Hash(ConversationKey.Of(channelId, conversationId));

    /// <summary>The hash of the key as its columns hold it (U+0000 as U+FFFD), so a conversation listed by its stored id is found by it.</summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key.Replace('\0', '\uFFFD')));

    public static ConversationSummary Read(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1))
    {
        FirstUtc = r.GetDateTime(2),
        LastUtc = r.GetDateTime(3),
        Activities = r.GetInt32(4),
        Locale = r.NullableString(5),
        CustomerId = r.NullableString(6),
        CustomerName = r.NullableString(7),
        Preview = r.NullableString(8),
        Bookings = r.GetFieldValue<string[]>(9),
        Agents = r.GetFieldValue<string[]>(10),
        CaseReference = r.NullableString(11),
        HandedOff = r.GetBoolean(12),
        Grants = r.GetInt32(13),
        Rating = r.IsDBNull(14) ? null : r.GetInt32(14),
        ReviewScore = r.IsDBNull(15) ? null : r.GetInt32(15),
        AgentsThread = r.GetBoolean(16),
    };

    /// <summary>Inside a transaction: the summary, locked until the transaction ends (created empty if there is none), and the change that last wrote it.</summary>
    public static async Task<(ConversationSummary Summary, Guid? LastChange)> LockAsync(NpgsqlConnection connection, string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var hash = Hash(channelId, conversationId);
        var empty = new ConversationSummary(channelId, conversationId);
        await connection.ExecuteAsync("""
            INSERT INTO conversation_summaries (key_hash, channel_id, conversation_id, first_utc, last_utc, language)
            VALUES ($1, $2, $3, $4, $4, $5) ON CONFLICT (key_hash) DO NOTHING
            """, cancellationToken, hash, channelId, conversationId, PostgreSqlCommands.Utc(empty.FirstUtc), empty.Language).ConfigureAwait(false);
        var rows = await connection.ListAsync($"SELECT {Columns}, last_change FROM conversation_summaries WHERE key_hash = $1 FOR UPDATE",
            r => (Read(r), r.IsDBNull(17) ? (Guid?)null : r.GetGuid(17)), cancellationToken, hash).ConfigureAwait(false);
        return rows.Single();
    }

    /// <summary>Writes every field of a summary (its search words are left as they are), and the change that wrote it.</summary>
    public static Task<int> WriteAsync(NpgsqlConnection connection, ConversationSummary s, Guid change, CancellationToken cancellationToken)
        => connection.ExecuteAsync("""
            UPDATE conversation_summaries SET first_utc = $2, last_utc = $3, activities = $4, locale = $5, language = $6, customer_id = $7, customer_name = $8,
                preview = $9, bookings = $10, agents = $11, case_reference = $12, handed_off = $13, grants = $14, rating = $15, review_score = $16, agents_thread = $17,
                last_change = $18
            WHERE key_hash = $1
            """, cancellationToken, Hash(s.ChannelId, s.ConversationId), PostgreSqlCommands.Utc(s.FirstUtc), PostgreSqlCommands.Utc(s.LastUtc), s.Activities, s.Locale, s.Language, s.CustomerId, s.CustomerName,
            s.Preview, s.Bookings.ToArray(), s.Agents.ToArray(), s.CaseReference, s.HandedOff, s.Grants, Integer(s.Rating), Integer(s.ReviewScore), s.AgentsThread, change);

    public static NpgsqlParameter Integer(int? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer };

}
