using CustomerCare.Schema;

namespace CustomerCare.Bot.Http;

/// <summary>Errors in the Bot Framework's shape: {"error":{"code","message"}}.</summary>
public static class ErrorResults
{
    public static IResult Error(int status, string code, string message)
        => Results.Json(ErrorResponse.Of(code, message), ProtocolJsonContext.Default.ErrorResponse, statusCode: status);

    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(ErrorResponse.Of(code, message), ProtocolJsonContext.Default.ErrorResponse);
    }
}
