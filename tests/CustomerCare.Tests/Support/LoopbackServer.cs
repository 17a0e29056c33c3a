using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Tests.Support;

/// <summary>A small real HTTP server on a free loopback port, for the services the bot calls (channels, CLU, token metadata).</summary>
public static class LoopbackServer
{
    /// <param name="certificate">Serves HTTPS with it (the base URL then names localhost), for clients that insist on TLS.</param>
    public static async Task<(WebApplication App, string BaseUrl)> StartAsync(Action<WebApplication> map, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (certificate is null)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseKestrelHttpsConfiguration().UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        }
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, certificate is null ? address : $"https://localhost:{new Uri(address).Port}");
    }
}
