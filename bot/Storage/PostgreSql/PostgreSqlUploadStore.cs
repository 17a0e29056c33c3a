using CustomerCare.Bot.DirectLine;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Uploads in PostgreSQL, one row per file with its bytes (uploads are bounded by <c>DirectLine:MaxUploadBytes</c>). A
/// bot that moved from the data file still serves the files kept there before.
/// </summary>
/// <param name="carried">The store of the files kept before the move, asked for an id PostgreSQL does not have.</param>
public sealed class PostgreSqlUploadStore(NpgsqlDataSource dataSource, TimeProvider clock, IUploadStore? carried = null) : IUploadStore
{
    public async Task SaveAsync(string id, string fileName, string contentType, Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        // The id is new and random: a retry after a lost acknowledgement finds its own row and changes nothing.
        await TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            return await connection.ExecuteAsync("""
                INSERT INTO uploads (id, file_name, content_type, content, created_utc) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (id) DO NOTHING
                """, ct, id, fileName, contentType, bytes, clock.GetUtcNow().UtcDateTime).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredUpload?> OpenAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.ListAsync("SELECT file_name, content_type, content FROM uploads WHERE id = $1",
            r => new StoredUpload(new MemoryStream(r.GetFieldValue<byte[]>(2), writable: false), r.GetString(1), r.GetString(0)), cancellationToken, id).ConfigureAwait(false);
        return rows.SingleOrDefault() ?? (carried is null ? null : await carried.OpenAsync(id, cancellationToken).ConfigureAwait(false));
    }
}
