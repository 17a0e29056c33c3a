using System.Text.Json;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Schema;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Transcripts in PostgreSQL, shared by every instance. A batch is one transaction: its entries in order, and for each
/// conversation what the batch adds to its summary (worked out by <see cref="TranscriptSummary"/>, as for the data
/// file) merged into the stored summary by one upsert, so batches from several instances add up.
/// </summary>
public sealed class PostgreSqlTranscriptStore(NpgsqlDataSource dataSource) : ITranscriptStore
{
    public Task AppendAsync(IReadOnlyCollection<TranscriptEntry> entries)
    {
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }
        var ordered = entries.ToList();
        var additions = ordered.GroupBy(e => (e.ChannelId, e.ConversationId)).Select(g => Addition(g.ToList()))
            .OrderBy(a => a.Hash, ByteOrder.Instance).ToList();
        var batch = Guid.NewGuid();
        var firstConversation = SummaryRows.Hash(ordered[0].ChannelId, ordered[0].ConversationId);
        var attempts = 0;
        return TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            // A retry after the commit's acknowledgement was lost finds the batch stored already.
            if (++attempts > 1 && await connection.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM transcript_entries WHERE conversation_hash = $1 AND batch = $2)", ct,
                firstConversation, batch).ConfigureAwait(false))
            {
                return true;
            }
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await connection.ExecuteAsync("""
                INSERT INTO transcript_entries (conversation_hash, batch, timestamp_utc, role, type, json)
                SELECT h, $6, t, r, y, j FROM unnest($1::bytea[], $2::timestamptz[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS e (h, t, r, y, j, o)
                ORDER BY o
                """, ct, ordered.Select(e => SummaryRows.Hash(e.ChannelId, e.ConversationId)).ToArray(), ordered.Select(e => PostgreSqlCommands.Utc(e.TimestampUtc)).ToArray(),
                ordered.Select(e => e.Role).ToArray(), ordered.Select(e => e.Type).ToArray(), ordered.Select(e => e.Json).ToArray(), batch).ConfigureAwait(false);
            await MergeAsync(connection, additions, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }, CancellationToken.None);
    }

    public async Task<IReadOnlyList<Activity>> GetActivitiesAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ListAsync("SELECT json FROM transcript_entries WHERE conversation_hash = $1 ORDER BY id",
            r => JsonSerializer.Deserialize(r.GetString(0), ProtocolJsonContext.Default.Activity)!, cancellationToken, SummaryRows.Hash(channelId, conversationId)).ConfigureAwait(false);
    }

    public async Task<bool> ExistsAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM transcript_entries WHERE conversation_hash = $1)", cancellationToken,
            SummaryRows.Hash(channelId, conversationId)).ConfigureAwait(false);
    }

    /// <summary>What one batch adds to a conversation's summary, and the words it adds to its search.</summary>
    private sealed record SummaryAddition(byte[] Hash, ConversationSummary Summary, string[] Terms);

    private static SummaryAddition Addition(List<TranscriptEntry> entries)
    {
        var first = entries[0];
        var summary = TranscriptSummary.Add(new ConversationSummary(first.ChannelId, first.ConversationId), entries);
        // A Teams channel thread is the agents' side: summarised for retention only, and not searched.
        if (first.ConversationType == "channel")
        {
            return new SummaryAddition(SummaryRows.Hash(first.ChannelId, first.ConversationId), summary with { AgentsThread = true }, []);
        }
        var terms = entries.Where(e => e.Type == ActivityTypes.Message && (e.Role == RoleTypes.User || e.AgentName is not null))
            .SelectMany(e => SearchTerms.Of(e.Text)).Distinct(StringComparer.Ordinal).ToArray();
        return new SummaryAddition(SummaryRows.Hash(first.ChannelId, first.ConversationId), summary, terms);
    }

    /// <summary>
    /// Adds each batch's part to its summary, as <see cref="TranscriptSummary.Add"/> would to the stored one: times
    /// widen, activities add up, the latest locale wins, the first customer and preview stay, agents and words are
    /// joined. Lists travel as JSON arrays, one per conversation.
    /// </summary>
    private static Task<int> MergeAsync(NpgsqlConnection connection, List<SummaryAddition> additions, CancellationToken cancellationToken)
        => connection.ExecuteAsync("""
            INSERT INTO conversation_summaries AS s (key_hash, channel_id, conversation_id, first_utc, last_utc, activities, locale, language,
                customer_id, customer_name, preview, agents, agents_thread, terms)
            SELECT h, c, v, f, l, n, loc, lang, cid, cname, p, ARRAY(SELECT json_array_elements_text(a::json)), th, ARRAY(SELECT json_array_elements_text(w::json))
            FROM unnest($1::bytea[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::integer[], $7::text[], $8::text[], $9::text[], $10::text[],
                $11::text[], $12::text[], $13::boolean[], $14::text[]) AS d (h, c, v, f, l, n, loc, lang, cid, cname, p, a, th, w)
            ON CONFLICT (key_hash) DO UPDATE SET
                first_utc = CASE WHEN s.activities = 0 THEN excluded.first_utc ELSE s.first_utc END,
                last_utc = GREATEST(s.last_utc, excluded.last_utc),
                activities = s.activities + excluded.activities,
                locale = COALESCE(excluded.locale, s.locale),
                language = CASE WHEN excluded.locale IS NULL THEN s.language ELSE excluded.language END,
                customer_id = COALESCE(s.customer_id, excluded.customer_id),
                customer_name = COALESCE(s.customer_name, excluded.customer_name),
                preview = COALESCE(s.preview, excluded.preview),
                agents = s.agents || ARRAY(SELECT x FROM unnest(excluded.agents) AS x WHERE x <> ALL (s.agents)),
                agents_thread = s.agents_thread OR excluded.agents_thread,
                terms = s.terms || ARRAY(SELECT x FROM unnest(excluded.terms) AS x WHERE x <> ALL (s.terms))
            """, cancellationToken,
            additions.Select(a => a.Hash).ToArray(), additions.Select(a => a.Summary.ChannelId).ToArray(), additions.Select(a => a.Summary.ConversationId).ToArray(),
            additions.Select(a => PostgreSqlCommands.Utc(a.Summary.FirstUtc)).ToArray(), additions.Select(a => PostgreSqlCommands.Utc(a.Summary.LastUtc)).ToArray(),
            additions.Select(a => a.Summary.Activities).ToArray(), additions.Select(a => a.Summary.Locale).ToArray(), additions.Select(a => a.Summary.Language).ToArray(),
            additions.Select(a => a.Summary.CustomerId).ToArray(), additions.Select(a => a.Summary.CustomerName).ToArray(), additions.Select(a => a.Summary.Preview).ToArray(),
            additions.Select(a => JsonArray(a.Summary.Agents)).ToArray(), additions.Select(a => a.Summary.AgentsThread).ToArray(),
            additions.Select(a => JsonArray(a.Terms)).ToArray());

    /// <summary>A JSON array of texts; U+0000, which PostgreSQL text cannot hold, becomes U+FFFD as in every other column.</summary>
    private static string JsonArray(IEnumerable<string> texts)
        => JsonSerializer.Serialize(texts.Select(t => t.Replace('\0', '\uFFFD')).ToArray());

    /// <summary>Summaries are merged in the order of their keys, so two instances' batches never wait on each other.</summary>
    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
