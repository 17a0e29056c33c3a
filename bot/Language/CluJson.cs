using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCare.Recognition;

namespace CustomerCare.Bot.Language;

/// <summary>The analyze-conversations request body and the mapping of its documented response to our result.</summary>
public static class CluJson
{
    public static BinaryData Request(string text, CultureInfo culture, string projectName, string deploymentName)
        => BinaryData.FromString(new JsonObject
        {
            ["kind"] = "Conversation",
            ["analysisInput"] = new JsonObject
            {
                ["conversationItem"] = new JsonObject
                {
                    ["id"] = "1",
                    ["participantId"] = "customer",
                    ["modality"] = "text",
                    ["language"] = culture.TwoLetterISOLanguageName == "de" ? "de" : "en",
                    ["text"] = text,
                },
            },
            ["parameters"] = new JsonObject
            {
                ["projectName"] = projectName,
                ["deploymentName"] = deploymentName,
                ["stringIndexType"] = "Utf16CodeUnit",
                ["verbose"] = true,
            },
        }.ToJsonString());

    /// <summary>Maps result.prediction (topIntent, intents[], entities[] with resolutions and extraInformation).</summary>
    public static RecognizerResult ReadResult(string text, ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        var prediction = document.RootElement.GetProperty("result").GetProperty("prediction");
        var top = prediction.GetProperty("topIntent").GetString() ?? Intents.None;
        var intents = prediction.GetProperty("intents").EnumerateArray()
            .ToDictionary(i => i.GetProperty("category").GetString()!, i => i.GetProperty("confidenceScore").GetDouble());
        var entities = prediction.TryGetProperty("entities", out var list)
            ? list.EnumerateArray().Select(ReadEntity).ToList()
            : [];
        var score = intents.GetValueOrDefault(top);
        return new RecognizerResult(text, Intents.All.Contains(top) ? top : Intents.None, score, intents, entities);
    }

    private static RecognizedEntity ReadEntity(JsonElement entity)
    {
        var text = entity.GetProperty("text").GetString() ?? string.Empty;
        return new RecognizedEntity(
            entity.GetProperty("category").GetString() ?? string.Empty,
            text,
            entity.GetProperty("offset").GetInt32(),
            entity.GetProperty("length").GetInt32(),
            Resolution(entity) ?? text);
    }

    /// <summary>A resolution's value (dates, numbers, currencies), else a list key, else none.</summary>
    private static string? Resolution(JsonElement entity)
    {
        if (entity.TryGetProperty("resolutions", out var resolutions) && resolutions.GetArrayLength() > 0)
        {
            var first = resolutions[0];
            var kind = first.TryGetProperty("resolutionKind", out var k) ? k.GetString() : null;
            if (kind == "CurrencyResolution" && first.TryGetProperty("value", out var amount) && first.TryGetProperty("ISO4217", out var iso))
            {
                return amount.GetDecimal().ToString("0.00", CultureInfo.InvariantCulture) + " " + iso.GetString();
            }
            if (first.TryGetProperty("value", out var value))
            {
                return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            }
        }
        if (entity.TryGetProperty("extraInformation", out var extra))
        {
            foreach (var item in extra.EnumerateArray())
            {
                if (item.TryGetProperty("key", out var key))
                {
                    return key.GetString();
                }
            }
        }
        return null;
    }
}
