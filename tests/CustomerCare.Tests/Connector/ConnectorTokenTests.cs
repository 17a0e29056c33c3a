using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CustomerCare.Bot.Connector;
using CustomerCare.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerCare.Tests.Connector;

/// <summary>The bot's own token for channels: client credentials from its tenant's authority, asked once and cached.</summary>
public sealed class ConnectorTokenTests
{
    [Fact]
    public async Task ClientCredentials_AreSentToTheTenantsTokenEndpoint_AndTheTokenIsCached()
    {
        using var certificate = SelfSigned();
        var requests = new List<Dictionary<string, string>>();
        var (authority, host) = await LoopbackServer.StartAsync(app => app.MapPost("/tenant-1/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            lock (requests)
            {
                requests.Add(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            }
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = "token-for-the-bot" });
        }), certificate);
        await using var _ = authority;

        var services = new ServiceCollection();
        services.AddHttpClient(MsalConnectorTokenProvider.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == certificate.Thumbprint });
        using var provider = services.BuildServiceProvider();
        var tokens = new MsalConnectorTokenProvider(
            Options.Create(new BotAppOptions { MicrosoftAppId = "app-1", MicrosoftAppPassword = "secret-1", MicrosoftAppType = "SingleTenant", MicrosoftAppTenantId = "tenant-1" }),
            Options.Create(new ChannelAuthOptions { TokenAuthorityHost = host }),
            provider.GetRequiredService<IHttpClientFactory>());

        Assert.Equal("token-for-the-bot", await tokens.GetTokenAsync(CancellationToken.None));
        Assert.Equal("token-for-the-bot", await tokens.GetTokenAsync(CancellationToken.None));

        var asked = Assert.Single(requests);
        Assert.Equal(("client_credentials", "app-1", "secret-1"), (asked["grant_type"], asked["client_id"], asked["client_secret"]));
        Assert.Contains("https://api.botframework.com/.default", asked["scope"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnonymousBot_SendsNoToken()
    {
        var services = new ServiceCollection();
        services.AddHttpClient();
        using var provider = services.BuildServiceProvider();
        var tokens = new MsalConnectorTokenProvider(Options.Create(new BotAppOptions()), Options.Create(new ChannelAuthOptions()), provider.GetRequiredService<IHttpClientFactory>());
        Assert.Null(await tokens.GetTokenAsync(CancellationToken.None));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
