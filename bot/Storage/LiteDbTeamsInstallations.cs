using CustomerCare.Bot.Teams;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>Teams installations in the data file, one document per channel.</summary>
public sealed class LiteDbTeamsInstallations(LiteDatabase database, LiteDbWriter writer) : ITeamsInstallations
{
    private const string Collection = "teamsInstallations";

    public async Task RememberAsync(TeamsInstallation installation, CancellationToken cancellationToken)
    {
        if (Find(installation.ChannelId) is { } known && known.ServiceUrl == installation.ServiceUrl)
        {
            return;
        }
        var document = new BsonDocument
        {
            ["_id"] = installation.ChannelId,
            ["teamId"] = installation.TeamId,
            ["tenantId"] = installation.TenantId,
            ["serviceUrl"] = installation.ServiceUrl,
            ["botId"] = installation.BotId,
            ["botName"] = installation.BotName,
        };
        await writer.WriteAsync(db => db.GetCollection(Collection).Upsert(document)).ConfigureAwait(false);
    }

    public Task<TeamsInstallation?> FindAsync(string channelId, CancellationToken cancellationToken) => Task.FromResult(Find(channelId));

    private TeamsInstallation? Find(string channelId)
        => database.GetCollection(Collection).FindById(channelId) is { } d
            ? new TeamsInstallation(channelId, d["teamId"].IsNull ? null : d["teamId"].AsString, d["tenantId"].AsString, d["serviceUrl"].AsString, d["botId"].AsString,
                d["botName"].IsNull ? null : d["botName"].AsString)
            : null;
}
