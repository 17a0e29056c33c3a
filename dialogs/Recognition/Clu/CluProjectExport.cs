using System.Globalization;
using System.Text.Json.Nodes;
using CustomerCare.Recognition.Entities;
using CustomerCare.Recognition.Offline;

namespace CustomerCare.Recognition.Clu;

/// <summary>
/// The shipped utterances as a CLU (Conversation) project file for Language Studio's import, labelled with the
/// entities our extractors find, so a team can move to Azure AI Language with the same data.
/// </summary>
public static class CluProjectExport
{
    public static JsonObject Build(string projectName, IEnumerable<Utterance> utterances, EntityExtractor entities, DateOnly today)
    {
        var labelled = new JsonArray();
        foreach (var utterance in utterances)
        {
            var culture = CultureInfo.GetCultureInfo(utterance.Language == "de" ? "de-DE" : "en-US");
            var spans = new JsonArray();
            foreach (var entity in entities.Extract(utterance.Text, culture, today))
            {
                spans.Add(new JsonObject { ["category"] = entity.Category, ["offset"] = entity.Offset, ["length"] = entity.Length });
            }
            labelled.Add(new JsonObject
            {
                ["text"] = utterance.Text,
                ["language"] = utterance.Language == "de" ? "de-de" : "en-us",
                ["intent"] = utterance.Intent,
                ["entities"] = spans,
                ["dataset"] = "Train",
            });
        }

        return new JsonObject
        {
            ["projectFileVersion"] = "2023-04-01",
            ["stringIndexType"] = "Utf16CodeUnit",
            ["metadata"] = new JsonObject
            {
                ["projectKind"] = "Conversation",
                ["projectName"] = projectName,
                ["multilingual"] = true,
                ["description"] = "CustomerCare intents and entities, exported from the shipped utterances.",
                ["language"] = "en-us",
                ["settings"] = new JsonObject { ["confidenceThreshold"] = 0 },
            },
            ["assets"] = new JsonObject
            {
                ["projectKind"] = "Conversation",
                ["intents"] = new JsonArray(Intents.All.Select(i => (JsonNode)new JsonObject { ["category"] = i }).ToArray()),
                ["entities"] = new JsonArray(EntityCategories.All.Select(e => (JsonNode)new JsonObject { ["category"] = e, ["compositionSetting"] = "combineComponents" }).ToArray()),
                ["utterances"] = labelled,
            },
        };
    }
}
