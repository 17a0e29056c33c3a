using CustomerCare.Bot.Http;

namespace CustomerCare.Bot.DirectLine;

/// <summary>The Direct Line answers shared by several endpoints.</summary>
public static class DirectLineResults
{
    public static IResult Forbidden() => ErrorResults.Error(StatusCodes.Status403Forbidden, "TokenNotValidForConversation",
        "The token is not valid for this conversation.");

    public static IResult ConversationNotFound(string conversationId) => ErrorResults.Error(StatusCodes.Status404NotFound, "ConversationNotFound",
        $"There is no conversation '{conversationId}'.");

    public static IResult Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, int status = StatusCodes.Status200OK)
        => Results.Json(value, typeInfo, statusCode: status);

    public static string StreamUrl(HttpRequest request, string conversationId, string token, string? watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var url = $"{scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        return watermark is null ? url : url + "&watermark=" + Uri.EscapeDataString(watermark);
    }
}
