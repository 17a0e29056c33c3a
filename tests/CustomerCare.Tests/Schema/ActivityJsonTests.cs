using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCare.Schema;

namespace CustomerCare.Tests.Schema;

public sealed class ActivityJsonTests
{
    private const string TeamsMessage = """
        {
          "type": "message",
          "id": "1485983408511",
          "timestamp": "2026-11-23T09:15:30.123Z",
          "localTimestamp": "2026-11-23T10:15:30.123+01:00",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "channelId": "msteams",
          "from": { "id": "29:1abc", "name": "Ada Agent", "aadObjectId": "6f2e", "futureFromField": 7 },
          "conversation": { "id": "19:abc@thread.tacv2;messageid=1", "isGroup": true, "conversationType": "channel", "tenantId": "t1" },
          "recipient": { "id": "28:bot", "name": "CustomerCare" },
          "textFormat": "plain",
          "locale": "en-US",
          "text": "<at>CustomerCare</at> take",
          "entities": [ { "type": "mention", "mentioned": { "id": "28:bot", "name": "CustomerCare" }, "text": "<at>CustomerCare</at>" } ],
          "channelData": { "tenant": { "id": "t1" }, "channel": { "id": "19:abc@thread.tacv2" } },
          "attachments": [ { "contentType": "application/vnd.microsoft.card.adaptive", "content": { "type": "AdaptiveCard", "version": "1.5" }, "extra": true } ],
          "aFieldFromTheFuture": { "nested": [1, 2, 3] }
        }
        """;

    [Fact]
    public void RoundTrip_TeamsMessage_KeepsEveryFieldIncludingUnknownOnes()
    {
        var activity = JsonSerializer.Deserialize(TeamsMessage, ProtocolJsonContext.Default.Activity)!;
        var written = JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(TeamsMessage), JsonNode.Parse(written)), written);
        Assert.Equal(7, activity.From!.Properties!["futureFromField"].GetInt32());
        Assert.True(activity.Attachments![0].Properties!["extra"].GetBoolean());
        Assert.Equal("mention", activity.Entities![0].Type);
    }

    [Fact]
    public void Serialize_NullFields_AreOmitted()
    {
        var json = JsonSerializer.Serialize(new Activity { Type = ActivityTypes.Message, Text = "hi" }, ProtocolJsonContext.Default.Activity);

        Assert.Equal("""{"type":"message","text":"hi"}""", json);
    }

    [Fact]
    public void Serialize_UtcTimestamp_EndsWithZ_AndLocalTimestampKeepsItsOffset()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Timestamp = new DateTimeOffset(2026, 11, 23, 8, 0, 0, 500, TimeSpan.Zero),
            LocalTimestamp = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(1)),
        };

        var node = JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity))!;

        Assert.Equal("2026-11-23T08:00:00.5Z", node["timestamp"]!.GetValue<string>());
        Assert.Equal("2026-11-23T09:00:00+01:00", node["localTimestamp"]!.GetValue<string>());
    }

    [Fact]
    public void Deserialize_TimestampThatIsNotIso_IsRejected()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"type":"message","timestamp":"yesterday"}""", ProtocolJsonContext.Default.Activity));
    }

    [Fact]
    public void CreateReply_SwapsAddressesAndPointsAtTheIncomingActivity()
    {
        var incoming = JsonSerializer.Deserialize(TeamsMessage, ProtocolJsonContext.Default.Activity)!;

        var reply = incoming.CreateReply("hello");

        Assert.Equal("28:bot", reply.From!.Id);
        Assert.Equal("29:1abc", reply.Recipient!.Id);
        Assert.Equal("1485983408511", reply.ReplyToId);
        Assert.Equal(incoming.Conversation!.Id, reply.Conversation!.Id);
        Assert.Equal(RoleTypes.Bot, reply.From.Role);
    }
}
