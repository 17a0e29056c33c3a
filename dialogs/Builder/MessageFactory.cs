using CustomerCare.Schema;

namespace CustomerCare.Builder;

/// <summary>Shorthands for the outgoing messages bots send most.</summary>
public static class MessageFactory
{
    /// <summary>Plain text: the bot's sentences cite rules like "Art. 7(1)(c)", which a Markdown typographer would turn into "©".</summary>
    public static Activity Text(string text, string? inputHint = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = TextFormats.Plain,
        InputHint = inputHint ?? InputHints.AcceptingInput,
    };

    /// <summary>A message with buttons that post their value back as the user's message.</summary>
    public static Activity SuggestedActions(IEnumerable<CardAction> actions, string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = TextFormats.Plain,
        InputHint = InputHints.ExpectingInput,
        SuggestedActions = new SuggestedActions { Actions = actions.ToList() },
    };

    public static Activity Attachment(Attachment attachment, string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Attachments = [attachment],
    };
}
