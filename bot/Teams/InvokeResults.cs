using System.Text.Json;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Teams;

/// <summary>Answers to Universal Actions in the shapes Teams expects: the refreshed card, or an error.</summary>
public static class InvokeResults
{
    private const string CardResponse = "application/vnd.microsoft.card.adaptive";
    private const string ErrorResponse = "application/vnd.microsoft.error";

    public static InvokeResponse Card(JsonElement card) => Respond(200, new { statusCode = 200, type = CardResponse, value = card });

    public static InvokeResponse Error(string code, string message) => Respond(200, new { statusCode = 400, type = ErrorResponse, value = new { code, message } });

    /// <summary>Refused by the agents' guard: nothing changed. HTTP 403, so a client that is not Teams sees the refusal too.</summary>
    public static InvokeResponse Forbidden() => Respond(403, new { statusCode = 403, type = ErrorResponse, value = new { code = "Forbidden", message = "Only agents in the agents' Teams channel can do this." } });

    private static InvokeResponse Respond(int status, object body) => new(status, JsonSerializer.SerializeToElement(body));
}
