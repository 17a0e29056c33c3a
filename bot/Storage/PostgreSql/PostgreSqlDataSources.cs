using Azure.Core;
using Azure.Identity;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// The pooled connections to PostgreSQL: from <c>ConnectionStrings:CustomerCare</c>, signing in with its password, or
/// with a Microsoft Entra ID access token for Azure Database for PostgreSQL (refreshed before it expires; the
/// connection string then names the identity as its user and carries no password).
/// </summary>
public static class PostgreSqlDataSources
{
    /// <summary>The scope of Entra ID tokens for Azure Database for PostgreSQL.</summary>
    public const string EntraIdScope = "https://ossrdbms-aad.database.windows.net/.default";

    /// <summary>How many statements each connection keeps prepared, unless the connection string says.</summary>
    public const int DefaultMaxAutoPrepare = 32;

    /// <summary>
    /// Whether the connection string itself sets a keyword, spelt with or without its spaces, in any case (Npgsql's own
    /// builder answers yes for every keyword it knows, set or not).
    /// </summary>
    private static bool Names(string connectionString, string keyword)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Any(key => string.Equals(key.Replace(" ", string.Empty, StringComparison.Ordinal), keyword.Replace(" ", string.Empty, StringComparison.Ordinal),
            StringComparison.OrdinalIgnoreCase));
    }

    /// <param name="purpose">Added to the application name PostgreSQL shows for the connections ("CustomerCare turn locks").</param>
    public static NpgsqlDataSource Create(string? connectionString, StorageOptions options, TokenCredential? credential = null, string? purpose = null)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{StorageOptions.ConnectionStringName} is empty: set it to the PostgreSQL server (for example Host=…;Database=customercare;Username=…;Password=…).");
        }
        NpgsqlDataSourceBuilder builder;
        try
        {
            builder = new NpgsqlDataSourceBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"ConnectionStrings:{StorageOptions.ConnectionStringName} is not a valid PostgreSQL connection string: {e.Message}", e);
        }
        builder.ConnectionStringBuilder.ApplicationName = (builder.ConnectionStringBuilder.ApplicationName ?? "CustomerCare") + (purpose is null ? string.Empty : " " + purpose);
        // The bot's statements are few and repeated on every turn: prepared once per connection, the server plans them
        // once. Nothing the bot does outlives a transaction on a connection, so a pooled one needs no reset between uses
        // (a connection returned within a transaction is still rolled back).
        if (!Names(connectionString, "Max Auto Prepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }
        if (!Names(connectionString, "No Reset On Close"))
        {
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        }
        if (options.PostgreSqlAuthentication == PostgreSqlAuthentication.EntraId && !string.IsNullOrEmpty(builder.ConnectionStringBuilder.Password))
        {
            throw new InvalidOperationException(
                $"Storage:PostgreSqlAuthentication is EntraId, but ConnectionStrings:{StorageOptions.ConnectionStringName} has a password: remove one of them.");
        }
        if (options.PostgreSqlAuthentication == PostgreSqlAuthentication.EntraId)
        {
            credential ??= string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
            builder.UsePeriodicPasswordProvider(
                async (_, cancellationToken) => (await credential.GetTokenAsync(new TokenRequestContext([EntraIdScope]), cancellationToken).ConfigureAwait(false)).Token,
                successRefreshInterval: TimeSpan.FromMinutes(30),
                failureRefreshInterval: TimeSpan.FromSeconds(10));
        }
        return builder.Build();
    }
}
