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
        var given = new NpgsqlConnectionStringBuilder(connectionString);
        // The bot's statements are few and repeated on every turn: prepared once per connection, the server plans them
        // once. Nothing the bot does outlives a transaction on a connection, so a pooled one needs no reset between uses.
        if (!given.ContainsKey("Max Auto Prepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }
        if (!given.ContainsKey("No Reset On Close"))
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
