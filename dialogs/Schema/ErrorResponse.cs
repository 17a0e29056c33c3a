namespace CustomerCare.Schema;

/// <summary>The Bot Framework error body: {"error":{"code","message"}}.</summary>
public sealed record ErrorResponse(Error Error)
{
    public static ErrorResponse Of(string code, string message) => new(new Error(code, message));
}

public sealed record Error(string Code, string Message);
