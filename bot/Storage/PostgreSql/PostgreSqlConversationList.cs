using CustomerCare.Bot.Supervisors;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// The supervisors' conversation list in PostgreSQL: every instance's writes, filtered and searched in SQL, newest
/// first (an index on the last activity), with words matched through a GIN index on each conversation's terms.
/// </summary>
public sealed class PostgreSqlConversationList(NpgsqlDataSource dataSource, TimeProvider? time = null) : IConversationList
{
    private const int MaxPageSize = 200;
    private static readonly TimeSpan FacetsKeptFor = TimeSpan.FromMinutes(1);
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private volatile KnownFacets? _facets;

    private sealed record KnownFacets(DateTimeOffset ReadAt, (IReadOnlyList<string> Channels, IReadOnlyList<string> Agents, IReadOnlyList<string> Languages) Facets);

    public async Task<ConversationPage> FindAsync(ConversationQuery query)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        var (where, parameters) = ConversationFilter.Of(query);
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        var window = $"ORDER BY last_utc DESC, key_hash LIMIT {pageSize} OFFSET {(long)(page - 1) * pageSize}";
        if (string.IsNullOrWhiteSpace(query.Search))
        {
            // Filters: the page walks the newest-first index and stops once it has its rows, and the count is a query
            // of its own, so the page never waits for every match to be sorted.
            var items = await connection.ListAsync($"SELECT {SummaryRows.Columns} FROM conversation_summaries WHERE {where} {window}",
                SummaryRows.Read, CancellationToken.None, [.. parameters]).ConfigureAwait(false);
            var count = await connection.ScalarAsync<long>($"SELECT count(*) FROM conversation_summaries WHERE {where}", CancellationToken.None, [.. parameters]).ConfigureAwait(false);
            return new ConversationPage(items, (int)count, page, pageSize);
        }
        // A search matches few conversations, found by one pass that counts them as well.
        var total = 0L;
        var found = await connection.ListAsync($"SELECT {SummaryRows.Columns}, count(*) OVER () FROM conversation_summaries WHERE {where} {window}", r =>
        {
            total = r.GetInt64(17);
            return SummaryRows.Read(r);
        }, CancellationToken.None, [.. parameters]).ConfigureAwait(false);
        if (found.Count == 0 && page > 1)
        {
            total = await connection.ScalarAsync<long>($"SELECT count(*) FROM conversation_summaries WHERE {where}", CancellationToken.None, [.. parameters]).ConfigureAwait(false);
        }
        return new ConversationPage(found, (int)total, page, pageSize);
    }

    public async Task<List<ConversationSummary>> AllAsync(ConversationQuery query)
    {
        var (where, parameters) = ConversationFilter.Of(query);
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        return await connection.ListAsync($"SELECT {SummaryRows.Columns} FROM conversation_summaries WHERE {where} ORDER BY last_utc DESC, key_hash",
            SummaryRows.Read, CancellationToken.None, [.. parameters]).ConfigureAwait(false);
    }

    /// <summary>The filter menus' values, read at most once a minute per instance: a menu may lag behind the list by that much.</summary>
    public async Task<(IReadOnlyList<string> Channels, IReadOnlyList<string> Agents, IReadOnlyList<string> Languages)> FacetsAsync()
    {
        if (_facets is { } known && clock.GetUtcNow() - known.ReadAt < FacetsKeptFor)
        {
            return known.Facets;
        }
        var facets = await ReadFacetsAsync().ConfigureAwait(false);
        _facets = new KnownFacets(clock.GetUtcNow(), facets);
        return facets;
    }

    private async Task<(IReadOnlyList<string> Channels, IReadOnlyList<string> Agents, IReadOnlyList<string> Languages)> ReadFacetsAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        var rows = await connection.ListAsync("""
            SELECT ARRAY(SELECT DISTINCT channel_id COLLATE "C" FROM conversation_summaries WHERE NOT agents_thread ORDER BY 1),
                   ARRAY(SELECT DISTINCT a COLLATE "C" FROM conversation_summaries, unnest(agents) AS a WHERE NOT agents_thread ORDER BY 1),
                   ARRAY(SELECT DISTINCT language COLLATE "C" FROM conversation_summaries WHERE NOT agents_thread ORDER BY 1)
            """, r => (r.GetFieldValue<string[]>(0), r.GetFieldValue<string[]>(1), r.GetFieldValue<string[]>(2)), CancellationToken.None).ConfigureAwait(false);
        return rows.Single();
    }

    public async Task<ConversationSummary?> FindAsync(string channelId, string conversationId)
    {
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        return (await connection.ListAsync($"SELECT {SummaryRows.Columns} FROM conversation_summaries WHERE key_hash = $1", SummaryRows.Read, CancellationToken.None,
            SummaryRows.Hash(channelId, conversationId)).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <remarks>
    /// A change retried after its commit's acknowledgement was lost finds itself as the summary's last change and is
    /// not applied twice (unless another change came in between: then the list may count it twice; it is a read model).
    /// </remarks>
    public Task ChangeAsync(string channelId, string conversationId, Func<ConversationSummary, ConversationSummary> change)
    {
        var changeId = Guid.NewGuid();
        return TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var (summary, lastChange) = await SummaryRows.LockAsync(connection, channelId, conversationId, ct).ConfigureAwait(false);
            if (lastChange != changeId)
            {
                await SummaryRows.WriteAsync(connection, change(summary), changeId, ct).ConfigureAwait(false);
            }
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }, CancellationToken.None);
    }
}
