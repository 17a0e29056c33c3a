using System.Text.Json;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Supervisors;

/// <summary>One readable line of a card: a heading, text, a fact (label and value) or a button.</summary>
public sealed record CardLine(string Kind, string Text, string? Value = null)
{
    public const string Heading = "heading";
    public const string Body = "text";
    public const string Fact = "fact";
    public const string Button = "button";
}

/// <summary>
/// Turns Adaptive Cards and hero/thumbnail cards into readable lines for the transcript view, so a supervisor reads
/// what the customer saw without a card renderer: text blocks, fact sets, columns and containers, tables, images'
/// alternative text, and the buttons offered.
/// </summary>
public static class CardText
{
    private const int MaxDepth = 12;

    public static IReadOnlyList<CardLine> Of(Attachment attachment)
    {
        var lines = new List<CardLine>();
        if (attachment.Content is not { ValueKind: JsonValueKind.Object } content)
        {
            lines.Add(new CardLine(CardLine.Body, attachment.Name ?? attachment.ContentType ?? "attachment", attachment.ContentUrl));
            return lines;
        }
        if (attachment.ContentType == "application/vnd.microsoft.card.adaptive")
        {
            Elements(content, "body", lines, 0);
            Actions(content, lines);
        }
        else
        {
            Add(lines, CardLine.Heading, content, "title");
            Add(lines, CardLine.Body, content, "subtitle");
            Add(lines, CardLine.Body, content, "text");
            if (content.TryGetProperty("buttons", out var buttons) && buttons.ValueKind == JsonValueKind.Array)
            {
                lines.AddRange(buttons.EnumerateArray().Select(b => new CardLine(CardLine.Button, Str(b, "title") ?? Str(b, "value") ?? "button")));
            }
        }
        return lines;
    }

    private static void Elements(JsonElement parent, string property, List<CardLine> lines, int depth)
    {
        if (depth > MaxDepth || !parent.TryGetProperty(property, out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return;
        }
        foreach (var element in items.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
        {
            switch (Str(element, "type"))
            {
                case "TextBlock":
                    Add(lines, Str(element, "weight") == "Bolder" || Str(element, "size") is "Large" or "ExtraLarge" ? CardLine.Heading : CardLine.Body, element, "text");
                    break;
                case "RichTextBlock" when element.TryGetProperty("inlines", out var inlines) && inlines.ValueKind == JsonValueKind.Array:
                    lines.Add(new CardLine(CardLine.Body, string.Concat(inlines.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() : Str(i, "text")))));
                    break;
                case "FactSet" when element.TryGetProperty("facts", out var facts) && facts.ValueKind == JsonValueKind.Array:
                    lines.AddRange(facts.EnumerateArray().Select(f => new CardLine(CardLine.Fact, Str(f, "title") ?? string.Empty, Str(f, "value"))));
                    break;
                case "Image":
                    Add(lines, CardLine.Body, element, "altText");
                    break;
                case "ColumnSet" when element.TryGetProperty("columns", out var columns) && columns.ValueKind == JsonValueKind.Array:
                    foreach (var column in columns.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object))
                    {
                        Elements(column, "items", lines, depth + 1);
                    }
                    break;
                case "Table" when element.TryGetProperty("rows", out var rows) && rows.ValueKind == JsonValueKind.Array:
                    foreach (var row in rows.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object))
                    {
                        Elements(row, "cells", lines, depth + 1);
                    }
                    break;
                case "ActionSet":
                    Actions(element, lines);
                    break;
                default:
                    Elements(element, "items", lines, depth + 1);
                    break;
            }
        }
    }

    private static void Actions(JsonElement parent, List<CardLine> lines)
    {
        if (parent.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array)
        {
            lines.AddRange(actions.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).Select(a => new CardLine(CardLine.Button, Str(a, "title") ?? Str(a, "type") ?? "action")));
        }
    }

    private static void Add(List<CardLine> lines, string kind, JsonElement element, string property)
    {
        if (Str(element, property) is { Length: > 0 } text)
        {
            lines.Add(new CardLine(kind, text));
        }
    }

    private static string? Str(JsonElement element, string property)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
