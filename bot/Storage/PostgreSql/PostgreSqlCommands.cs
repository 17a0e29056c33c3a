using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Positional commands ($1, $2, …) on a connection, and the reads the stores share. An array that is the only
/// argument is passed as <c>(object)array</c>, or C# would spread it over the parameters.
/// </summary>
internal static class PostgreSqlCommands
{
    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, params object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter as NpgsqlParameter ?? new NpgsqlParameter { Value = Storable(parameter) ?? DBNull.Value });
        }
        return command;
    }

    /// <summary>One command of a batch (several statements in one round trip).</summary>
    public static NpgsqlBatchCommand BatchCommand(string sql, params object?[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter as NpgsqlParameter ?? new NpgsqlParameter { Value = Storable(parameter) ?? DBNull.Value });
        }
        return command;
    }

    public static async Task<int> ExecuteAsync(this NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<T?> ScalarAsync<T>(this NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is T value ? value : default;
    }

    public static async Task<List<T>> ListAsync<T>(this NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    /// <summary>
    /// A value as PostgreSQL text can hold it: text cannot contain U+0000, which ids and names from a channel may, so
    /// it becomes U+FFFD (JSON documents escape it and are stored unchanged).
    /// </summary>
    private static object? Storable(object? value) => value switch
    {
        string text when text.Contains('\0', StringComparison.Ordinal) => text.Replace('\0', '\uFFFD'),
        string?[] texts when texts.Any(t => t?.Contains('\0', StringComparison.Ordinal) == true) => texts.Select(t => t?.Replace('\0', '\uFFFD')).ToArray(),
        _ => value,
    };

    /// <summary>A time as a timestamptz parameter takes it: in UTC (a time of unspecified kind is taken to be UTC).</summary>
    public static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time, DateTimeKind.Utc);

    /// <summary>A nullable text column.</summary>
    public static string? NullableString(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>A nullable date column.</summary>
    public static DateOnly? NullableDate(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);

    /// <summary>
    /// Holds, until the transaction ends, one advisory lock per key (a passenger identity, or a request's), taken in
    /// one order by every writer so two never wait on each other.
    /// </summary>
    public static Task LockAsync(this NpgsqlConnection connection, IEnumerable<string> keys, CancellationToken cancellationToken)
        => connection.ExecuteAsync("""
            SELECT pg_advisory_xact_lock(k)
            FROM (SELECT DISTINCT hashtextextended(key, 0) AS k FROM unnest($1::text[]) AS key ORDER BY k OFFSET 0) AS keys
            """, cancellationToken, (object)keys.Distinct(StringComparer.Ordinal).ToArray());
}
