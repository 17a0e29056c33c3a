using CustomerCare.Bot.Connector;
using CustomerCare.Builder;

namespace CustomerCare.Bot.DirectLine;

/// <summary>Picks the Connector for a serviceUrl: in-process for the built-in Direct Line, REST for every other channel.</summary>
public sealed class ChannelConnectors(DirectLineConnector directLine, ConnectorClientFactory http)
{
    public IConnectorClient For(string serviceUrl)
        => string.Equals(serviceUrl, DirectLineChannel.ServiceUrl, StringComparison.OrdinalIgnoreCase) ? directLine : http.Create(serviceUrl);
}
