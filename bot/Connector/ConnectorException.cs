namespace CustomerCare.Bot.Connector;

/// <summary>A channel refused a Connector call; the status and the channel's error body are kept for the logs.</summary>
public sealed class ConnectorException(int status, string body)
    : Exception($"The channel answered {status}: {(body.Length > 500 ? body[..500] : body)}")
{
    public int Status { get; } = status;

    public string Body { get; } = body;
}
