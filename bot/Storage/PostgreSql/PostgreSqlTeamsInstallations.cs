using CustomerCare.Bot.Teams;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>Teams installations in PostgreSQL: what one instance learnt from Teams, every instance posts and guards with.</summary>
public sealed class PostgreSqlTeamsInstallations(NpgsqlDataSource dataSource) : ITeamsInstallations
{
    public Task RememberAsync(TeamsInstallation installation, CancellationToken cancellationToken)
        => TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            return await connection.ExecuteAsync("""
                INSERT INTO teams_installations (channel_hash, channel_id, team_id, tenant_id, service_url, bot_id, bot_name)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (channel_hash) DO UPDATE SET team_id = excluded.team_id, tenant_id = excluded.tenant_id, service_url = excluded.service_url,
                    bot_id = excluded.bot_id, bot_name = excluded.bot_name
                WHERE teams_installations.service_url IS DISTINCT FROM excluded.service_url
                """, ct, PostgreSqlStorage.Hash(installation.ChannelId), installation.ChannelId, installation.TeamId, installation.TenantId, installation.ServiceUrl,
                installation.BotId, installation.BotName).ConfigureAwait(false);
        }, cancellationToken);

    public async Task<TeamsInstallation?> FindAsync(string channelId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var found = await connection.ListAsync("SELECT team_id, tenant_id, service_url, bot_id, bot_name FROM teams_installations WHERE channel_hash = $1",
            r => new TeamsInstallation(channelId, r.NullableString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.NullableString(4)),
            cancellationToken, PostgreSqlStorage.Hash(channelId)).ConfigureAwait(false);
        return found.SingleOrDefault();
    }
}
