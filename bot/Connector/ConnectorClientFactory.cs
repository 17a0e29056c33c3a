using CustomerCare.Builder;

namespace CustomerCare.Bot.Connector;

/// <summary>Makes a Connector client for a channel's serviceUrl (each serviceUrl is its own base address).</summary>
public sealed class ConnectorClientFactory(IHttpClientFactory httpClients, IConnectorTokenProvider tokens)
{
    public const string HttpClientName = "BotConnector";

    public IConnectorClient Create(string serviceUrl)
    {
        var baseUri = new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute);
        return new HttpConnectorClient(httpClients.CreateClient(HttpClientName), baseUri, tokens);
    }
}
