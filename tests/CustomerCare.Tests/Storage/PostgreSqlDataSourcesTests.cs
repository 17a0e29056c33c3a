using Azure.Core;
using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Tests.Support;
using Npgsql;

namespace CustomerCare.Tests.Storage;

/// <summary>
/// The pooled connections the bot opens: statements prepared once per connection and kept across the pool's reuse,
/// unless the connection string says otherwise; and an Entra ID token as the password when so configured.
/// </summary>
public sealed class PostgreSqlDataSourcesTests
{
    [Fact]
    public async Task ARepeatedStatement_IsPreparedOnTheServer_AndStaysPreparedWhenThePooledConnectionIsReused()
    {
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(PostgreSqlDataSourcesTests));
        await using var dataSource = PostgreSqlDataSources.Create(connectionString, new StorageOptions());

        for (var use = 0; use < 8; use++)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("SELECT $1::int + 1", connection) { Parameters = { new() { Value = use } } };
            Assert.Equal(use + 1, await command.ExecuteScalarAsync());
        }

        await using var reused = await dataSource.OpenConnectionAsync();
        await using var prepared = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::int + 1%'", reused);
        Assert.Equal(1L, await prepared.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("Max Auto Prepare=0;No Reset On Close=false", 0, false)]
    [InlineData("maxautoprepare=5", 5, true)]
    [InlineData("", PostgreSqlDataSources.DefaultMaxAutoPrepare, true)]
    public void WhatTheConnectionStringSays_Wins_OverTheDefaults(string given, int maxAutoPrepare, bool noResetOnClose)
    {
        using var dataSource = PostgreSqlDataSources.Create("Host=127.0.0.1;Database=x;Username=u;" + given, new StorageOptions());
        var built = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);

        Assert.Equal(maxAutoPrepare, built.MaxAutoPrepare);
        Assert.Equal(noResetOnClose, built.NoResetOnClose);
    }

    [Fact]
    public async Task WithEntraId_TheTokenIsThePassword_AndAWrongTokenIsRefused()
    {
        var server = await PostgreSqlServer.SharedAsync();
        var withPassword = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync(nameof(WithEntraId_TheTokenIsThePassword_AndAWrongTokenIsRefused)));
        var password = withPassword.Password!;
        withPassword.Password = null;
        var options = new StorageOptions { PostgreSqlAuthentication = PostgreSqlAuthentication.EntraId };

        var right = new TokenOf(password);
        await using (var dataSource = PostgreSqlDataSources.Create(withPassword.ConnectionString, options, right))
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            Assert.Equal(1, await new NpgsqlCommand("SELECT 1", connection).ExecuteScalarAsync());
        }
        Assert.Contains(PostgreSqlDataSources.EntraIdScope, right.Scopes);

        await using var wrong = PostgreSqlDataSources.Create(withPassword.ConnectionString, options, new TokenOf("not-the-token"));
        var refused = await Assert.ThrowsAsync<PostgresException>(async () => await wrong.OpenConnectionAsync());
        Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);

        withPassword.Password = password;
        Assert.Throws<InvalidOperationException>(() => PostgreSqlDataSources.Create(withPassword.ConnectionString, options, right));
    }

    /// <summary>A credential that hands out one access token, as a managed identity's would be, and notes the scopes asked for.</summary>
    private sealed class TokenOf(string token) : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
            => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
