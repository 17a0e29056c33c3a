using CustomerCare.Bot.Storage;
using CustomerCare.Schema;
using LiteDB;

namespace CustomerCare.Bot.Teams;

/// <summary>Where in Teams the bot lives: per team channel, the serviceUrl, tenant and bot id needed to post there later.</summary>
public sealed record TeamsInstallation(string ChannelId, string? TeamId, string TenantId, string ServiceUrl, string BotId, string? BotName);

public sealed class TeamsInstallations(LiteDatabase database, LiteDbWriter writer)
{
    private const string Collection = "teamsInstallations";

    public async Task RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        var data = TeamsChannelData.From(activity);
        if (data.ChannelId is null || data.TenantId is null || activity.ServiceUrl is null || activity.Recipient?.Id is null)
        {
            return;
        }
        if (Find(data.ChannelId) is { } known && known.ServiceUrl == activity.ServiceUrl)
        {
            return;
        }
        var document = new BsonDocument
        {
            ["_id"] = data.ChannelId,
            ["teamId"] = data.TeamId,
            ["tenantId"] = data.TenantId,
            ["serviceUrl"] = activity.ServiceUrl,
            ["botId"] = activity.Recipient.Id,
            ["botName"] = activity.Recipient.Name,
        };
        await writer.WriteAsync(db => db.GetCollection(Collection).Upsert(document)).ConfigureAwait(false);
    }

    public TeamsInstallation? Find(string channelId)
        => database.GetCollection(Collection).FindById(channelId) is { } d
            ? new TeamsInstallation(channelId, d["teamId"].IsNull ? null : d["teamId"].AsString, d["tenantId"].AsString, d["serviceUrl"].AsString, d["botId"].AsString,
                d["botName"].IsNull ? null : d["botName"].AsString)
            : null;
}
