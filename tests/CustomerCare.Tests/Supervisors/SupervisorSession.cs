using System.Net;
using System.Text.RegularExpressions;
using CustomerCare.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerCare.Tests.Supervisors;

/// <summary>A browser-like client (cookies, no automatic redirects) signed in through the development sign-in.</summary>
public static partial class SupervisorSession
{
    public static HttpClient Anonymous(BotHost host) => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignInAsync(BotHost host, string name = "Sam Supervisor", string role = "supervisor", string objectId = "")
    {
        var client = Anonymous(host);
        var form = await client.GetStringAsync("/supervisors/sign-in");
        var response = await client.PostAsync("/supervisors/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name,
            ["role"] = role,
            ["objectId"] = objectId,
            ["returnUrl"] = "/supervisors",
            ["__RequestVerificationToken"] = TokenIn(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A signed-in supervisor approves or declines a request on the approvals page, with the page's antiforgery token unless one is given.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(HttpClient supervisor, string handler, string approval, string? token = null)
    {
        token ??= TokenIn(await supervisor.GetStringAsync("/supervisors/approvals"));
        return await supervisor.PostAsync("/supervisors/approvals?handler=" + handler, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = approval,
            ["__RequestVerificationToken"] = token,
        }));
    }

    public static string TokenIn(string html) => AntiforgeryToken().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
