using System.Net;
using CustomerCare.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Supervisors;

/// <summary>Only signed-in supervisors reach the supervisors' pages and downloads; customers and agents get nothing.</summary>
public sealed class SupervisorAccessTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    /// <summary>Every route under /supervisors the host maps, with sample values, except the sign-in and no-access pages.</summary>
    private List<string> ProtectedRoutes()
    {
        _ = _host.Server;
        return _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => (p.StartsWith("/supervisors", StringComparison.Ordinal) || p.StartsWith("/agents", StringComparison.Ordinal)) && p is not "/supervisors/sign-in" and not "/supervisors/denied")
            .Select(p => p.Replace("{channel}", "directline", StringComparison.Ordinal).Replace("{id}", "abc", StringComparison.Ordinal).Replace("{reference}", "CC-1", StringComparison.Ordinal))
            .Distinct().ToList();
    }

    [Fact]
    public async Task EverySupervisorRoute_Anonymous_GetsRedirectedToSignInOr401()
    {
        var routes = ProtectedRoutes();
        Assert.Contains("/supervisors", routes);
        Assert.Contains("/supervisors/fairness.csv", routes);
        Assert.Contains("/supervisors/export/directline/abc.transcript", routes);
        Assert.Contains("/agents/cases/CC-1", routes);
        Assert.True(routes.Count >= 7, string.Join(", ", routes));
        var client = SupervisorSession.Anonymous(_host);
        foreach (var route in routes)
        {
            using var page = new HttpRequestMessage(HttpMethod.Get, route);
            page.Headers.Accept.ParseAdd("text/html");
            var asBrowser = await client.SendAsync(page);
            var asApi = await client.GetAsync(route);
            Assert.True(asBrowser.StatusCode == HttpStatusCode.Unauthorized
                || (asBrowser.StatusCode == HttpStatusCode.Redirect && asBrowser.Headers.Location!.ToString().Contains("/supervisors/sign-in", StringComparison.Ordinal)), $"{route}: {asBrowser.StatusCode}");
            Assert.Equal(HttpStatusCode.Unauthorized, asApi.StatusCode);
            var post = await client.PostAsync(route, new FormUrlEncodedContent([]));
            Assert.True(post.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed, $"POST {route}: {post.StatusCode}");
            Assert.DoesNotContain("Transcript", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CustomersDirectLineToken_OpensNothing()
    {
        var customer = await new DirectLineClient(_host.CreateClient()).StartAsync();
        var client = SupervisorSession.Anonymous(_host);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/supervisors/conversations.jsonl");
        request.Headers.Authorization = new("Bearer", customer.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task SignedInWithoutTheSupervisorRole_IsRefused()
    {
        var client = await SupervisorSession.SignInAsync(_host, "Avery Agent", role: "none");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/supervisors/fairness.csv")).StatusCode);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/supervisors");
        page.Headers.Accept.ParseAdd("text/html");
        var response = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/supervisors/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_MayNotOpenTheSupervisorsPagesOrDownloads()
    {
        var client = await SupervisorSession.SignInAsync(_host, "Ada Agent", role: "agent");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/supervisors/conversations.jsonl")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/supervisors/export/directline/abc.transcript")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/supervisors/fairness")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/agents/cases/CC-NOPE")).StatusCode);
    }

    [Fact]
    public async Task Supervisor_SignsIn_AndSeesTheMarkedDevelopmentSignIn()
    {
        var client = await SupervisorSession.SignInAsync(_host);
        var html = await client.GetStringAsync("/supervisors");
        Assert.Contains("Development sign-in", html, StringComparison.Ordinal);
        Assert.Contains("Sam Supervisor", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_OffersNoDevelopmentSignIn()
    {
        using var production = new BotHost { Environment = "Production" };
        var client = SupervisorSession.Anonymous(production);
        var html = await client.GetStringAsync("/supervisors/sign-in");
        Assert.Contains("not configured", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign in (development)", html, StringComparison.Ordinal);
        var forged = await client.PostAsync("/supervisors/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "x", ["role"] = "supervisor" }));
        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/supervisors/fairness.csv")).StatusCode);
    }

    [Fact]
    public async Task WithEntraIdConfigured_SignInGoesToTheTenantsAuthorizeEndpoint_AndNoDevelopmentSignIn()
    {
        var (identityProvider, baseUrl) = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/contoso-tenant/v2.0/.well-known/openid-configuration", (HttpContext http) => Results.Json(new
            {
                issuer = "https://login.example/contoso-tenant/v2.0",
                authorization_endpoint = "https://login.example/contoso-tenant/oauth2/v2.0/authorize",
                token_endpoint = "https://login.example/contoso-tenant/oauth2/v2.0/token",
                jwks_uri = $"http://{http.Request.Host}/contoso-tenant/discovery/v2.0/keys",
            }));
            app.MapGet("/contoso-tenant/discovery/v2.0/keys", () => Results.Json(new { keys = Array.Empty<object>() }));
        });
        await using var _ = identityProvider;
        _host.Settings["Supervisors:EntraId:TenantId"] = "contoso-tenant";
        _host.Settings["Supervisors:EntraId:ClientId"] = "supervisor-app";
        _host.Settings["Supervisors:EntraId:Instance"] = baseUrl + "/";
        _host.Settings["Supervisors:EntraId:RequireHttpsMetadata"] = "false";
        var client = SupervisorSession.Anonymous(_host);

        var response = await client.GetAsync("/supervisors/sign-in");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("https://login.example/contoso-tenant/oauth2/v2.0/authorize?", location, StringComparison.Ordinal);
        Assert.Contains("client_id=supervisor-app", location, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%2Fsupervisors%2Fsignin-oidc", location, StringComparison.Ordinal);
        var forged = await client.PostAsync("/supervisors/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "x", ["role"] = "supervisor" }));
        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
    }
}
