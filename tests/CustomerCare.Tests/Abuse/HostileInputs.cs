using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// Malformed and hostile requests, from a seeded random source so a failure can be replayed: activities with fields
/// of the wrong type, huge, deep, empty or full of control and format characters, cut short, or not JSON at all.
/// </summary>
public sealed class HostileInputs(int seed, string serviceUrl)
{
    private static readonly string[] Types =
    [
        "message", "conversationUpdate", "invoke", "event", "typing", "messageReaction", "installationUpdate", "endOfConversation",
        "messageUpdate", "messageDelete", "trace", "handoff", "command", "x", "",
    ];

    private static readonly string[] Words =
    [
        "My flight was delayed, booking DEMO01", "yes", "no", "Sample", "I want to talk to a person", "DEMO10", "MADCC10001",
        "Ich möchte einen Menschen sprechen", "help", "cancel", "{0}{1}%s%n", "<script>alert(1)</script>", "'; DROP TABLE ledger; --",
        "../../../../etc/passwd", "\u202Eevil\u202C", "\u0000\u0001\u0007", "\ud83d\ude00\ud83d", "\u200B\u2028\u2029", "adaptiveCard/action",
    ];

    private readonly Random _random = new(seed);

    public int Next(int max) => _random.Next(max);

    /// <summary>A body for /api/messages or Direct Line's activities: usually JSON, sometimes cut short or not JSON.</summary>
    public byte[] ActivityBody()
    {
        var json = Activity().ToJsonString();
        return _random.Next(10) switch
        {
            0 => Encoding.UTF8.GetBytes(json[..Math.Max(0, _random.Next(json.Length))]),
            1 => Garbage(),
            2 => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)],
            _ => Encoding.UTF8.GetBytes(json),
        };
    }

    /// <summary>Half the time a well-formed activity with one hostile field, so the bot's own code meets it; else hostile throughout.</summary>
    public JsonObject Activity() => _random.Next(2) == 0 ? OneFieldWrong() : HostileThroughout();

    private JsonObject OneFieldWrong()
    {
        var activity = new JsonObject
        {
            ["type"] = Pick(["message", "message", "message", "event", "invoke", "conversationUpdate", "messageReaction"]),
            ["channelId"] = "emulator",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = "user-" + _random.Next(20).ToString(CultureInfo.InvariantCulture), ["name"] = "Fuzz" },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = "fuzz-" + _random.Next(50).ToString(CultureInfo.InvariantCulture) },
            ["text"] = Pick(Words),
            ["locale"] = Pick(["en-US", "de-DE"]),
            ["name"] = Pick(["webchat/join", "adaptiveCard/action", "task/fetch"]),
        };
        var field = Pick(["text", "locale", "name", "value", "channelData", "attachments", "entities", "membersAdded", "from", "timestamp", "replyToId", "text", "value"]);
        activity[field] = _random.Next(2) == 0 ? Value() : JsonValue.Create(Text());
        return activity;
    }

    private JsonObject HostileThroughout()
    {
        var activity = new JsonObject
        {
            ["type"] = Pick(Types),
            ["id"] = Maybe(() => Text()),
            ["timestamp"] = Maybe(() => Pick(["2026-12-02T10:00:00Z", "99999-01-01", "not a date", "0001-01-01T00:00:00Z", "2026-13-45T25:61:61+99:00"])),
            ["channelId"] = Maybe(() => Pick(["emulator", "msteams", "directline", "webchat", Text()])),
            ["serviceUrl"] = _random.Next(8) == 0 ? Pick(["not a url", "file:///etc/passwd", "http://127.0.0.1:1/", "", "http://[::1]:1/"]) : serviceUrl,
            ["from"] = Account(),
            ["recipient"] = Account(),
            ["conversation"] = Conversation(),
            ["text"] = Maybe(() => _random.Next(3) == 0 ? Text() : Pick(Words)),
            ["locale"] = Maybe(() => Pick(["en-US", "de-DE", "xx", "../..", "en-US-x-" + new string('a', 300), Text()])),
            ["replyToId"] = Maybe(() => Text()),
            ["name"] = Maybe(() => Pick(["webchat/join", "adaptiveCard/action", "composeExtension/query", "task/fetch", "signin/verifyState", Text()])),
            ["value"] = Maybe(Value),
            ["channelData"] = Maybe(Value),
            ["attachments"] = Maybe(() => _random.Next(3) == 0 ? Value() : new JsonArray(Attachment(), Attachment())),
            ["entities"] = Maybe(() => _random.Next(2) == 0 ? Value() : new JsonArray(new JsonObject { ["type"] = Text(), ["x"] = Value() })),
            ["membersAdded"] = Maybe(() => new JsonArray(Account(), Account())),
        };
        // Now and then a field of the wrong kind altogether.
        foreach (var field in activity.Select(p => p.Key).ToList())
        {
            if (_random.Next(12) == 0)
            {
                activity[field] = Value();
            }
        }
        return activity;
    }

    /// <summary>A multipart body for the upload endpoint (sometimes not multipart at all) and its content type.</summary>
    public (byte[] Body, string ContentType) Upload(string userId)
    {
        const string Boundary = "hostile-boundary";
        var activity = _random.Next(3) == 0 ? Encoding.UTF8.GetString(Garbage()) : Activity().ToJsonString().Replace("\"from\":", $"\"from\":{{\"id\":\"{userId}\"}},\"x\":", StringComparison.Ordinal);
        var name = _random.Next(2) == 0 ? Text() : "photo.jpg";
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"--{Boundary}\r\nContent-Disposition: form-data; name=\"activity\"; filename=\"blob\"\r\nContent-Type: application/vnd.microsoft.activity\r\n\r\n{activity}\r\n");
        builder.Append(CultureInfo.InvariantCulture, $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name.Replace("\"", "", StringComparison.Ordinal)}\"\r\nContent-Type: {Pick(["image/jpeg", "text/html", "application/x-msdownload", "", Text()])}\r\n\r\n");
        var head = Encoding.UTF8.GetBytes(builder.ToString());
        var tail = Encoding.UTF8.GetBytes(_random.Next(5) == 0 ? "\r\n--" : $"\r\n--{Boundary}--\r\n");
        var body = head.Concat(Garbage()).Concat(tail).ToArray();
        return _random.Next(8) == 0 ? (Garbage(), "multipart/form-data; boundary=x") : (body, $"multipart/form-data; boundary={Boundary}");
    }

    public string Text() => _random.Next(9) switch
    {
        0 => string.Empty,
        1 => new string('a', _random.Next(256, 3000)),
        2 => new string((char)_random.Next(0, 32), _random.Next(1, 50)),
        3 => "\u202E\u200B\u2028\uFEFF\uFFFF" + _random.Next(),
        4 => "\ud800" + "x" + "\udfff",
        5 => string.Concat(Enumerable.Range(0, _random.Next(1, 40)).Select(_ => (char)_random.Next(0x20, 0x3000))),
        6 => "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2;messageid=" + _random.Next(),
        7 => new string('€', _random.Next(100, 20_000)),
        _ => Pick(Words),
    };

    private JsonNode? Value() => _random.Next(10) switch
    {
        0 => null,
        1 => JsonValue.Create(_random.Next(2) == 0 ? double.MaxValue : -1e-300),
        2 => JsonValue.Create(_random.Next(2) == 0),
        3 => Deep(_random.Next(20, 300)),
        4 => new JsonArray(Enumerable.Range(0, _random.Next(100, 5000)).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
        5 => new JsonObject { ["action"] = Pick(["grant", "approve", "take", "close", "rate"]), ["caseId"] = Text(), ["amount"] = Pick(["1e9", "-5", "NaN"]), ["data"] = Text() },
        6 => new JsonObject { ["clientActivityID"] = Text(), ["tenant"] = new JsonObject { ["id"] = Text() }, ["text"] = Text() },
        7 => JsonValue.Create(new string('x', _random.Next(1000, 200_000))),
        _ => JsonValue.Create(Text()),
    };

    private JsonNode? Account() => _random.Next(10) switch
    {
        0 => null,
        1 => Value(),
        _ => new JsonObject { ["id"] = Maybe(() => Text()), ["name"] = Maybe(() => Text()), ["role"] = Maybe(() => Pick(["user", "bot", "skill", Text()])), ["aadObjectId"] = Maybe(() => Text()) },
    };

    private JsonNode? Conversation() => _random.Next(10) switch
    {
        0 => null,
        1 => Value(),
        _ => new JsonObject
        {
            ["id"] = _random.Next(3) == 0 ? Text() : "fuzz-" + _random.Next(50).ToString(CultureInfo.InvariantCulture),
            ["conversationType"] = Maybe(() => Pick(["personal", "channel", "groupChat", Text()])),
            ["tenantId"] = Maybe(() => Text()),
            ["isGroup"] = Maybe(() => JsonValue.Create(_random.Next(2) == 0)),
        },
    };

    private JsonObject Attachment() => new()
    {
        ["contentType"] = Pick(["application/vnd.microsoft.card.adaptive", "image/png", "text/html", Text()]),
        ["contentUrl"] = Maybe(() => Pick(["http://127.0.0.1:1/x.png", "javascript:alert(1)", "data:text/html,<b>", "/v3/directline/attachments/" + new string('0', 32), Text()])),
        ["content"] = Maybe(Value),
        ["name"] = Maybe(() => Text()),
    };

    private static JsonNode Deep(int depth)
    {
        JsonNode node = JsonValue.Create("bottom");
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
        }
        return node;
    }

    private byte[] Garbage()
    {
        var bytes = new byte[_random.Next(0, 4096)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private JsonNode? Maybe(Func<JsonNode?> make) => _random.Next(6) == 0 ? null : make();

    private string Pick(string[] choices) => choices[_random.Next(choices.Length)];
}
