using System.Net;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.DirectLine;

/// <summary>
/// Two bot processes on one PostgreSQL database, each with a data file of its own: a file uploaded through one is
/// served by the other and after both are gone, and a Direct Line token one issued is honoured by the other and by a
/// fresh instance — the signing key and the uploads live in PostgreSQL, not on an instance's disk.
/// </summary>
public sealed class DirectLineAcrossInstancesOnPostgreSqlTests
{
    private static Task<BotProcess> StartAsync(string connectionString)
        => BotProcess.StartAsync(BotHost.TempDataPath(), "--Storage:Provider", "PostgreSql", "--ConnectionStrings:CustomerCare", connectionString);

    [Fact]
    public async Task AnUploadAndATokenFromOneInstance_AreHonouredByAnother_AndByAFreshOneAfterBothAreKilled()
    {
        var server = await PostgreSqlServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync(nameof(DirectLineAcrossInstancesOnPostgreSqlTests));
        var started = await Task.WhenAll(StartAsync(connectionString), StartAsync(connectionString));
        using var a = started[0];
        using var b = started[1];
        using var onA = new HttpClient { BaseAddress = new Uri(a.Url) };
        using var onB = new HttpClient { BaseAddress = new Uri(b.Url) };

        var customer = await new DirectLineClient(onA).StartAsync();
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)(i % 253)).ToArray();
        using (var form = new MultipartFormDataContent())
        {
            var activity = new StringContent("""{"type":"message","text":"my receipt","from":{"id":"x"}}""");
            activity.Headers.ContentType = new("application/vnd.microsoft.activity");
            form.Add(activity, "activity", "blob");
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new("image/jpeg");
            form.Add(file, "file", "receipt.jpg");
            using var upload = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{customer.ConversationId}/upload?userId={customer.UserId}") { Content = form };
            upload.Headers.Authorization = new("Bearer", customer.Token);
            (await onA.SendAsync(upload)).EnsureSuccessStatusCode();
        }
        var (activities, _) = await customer.GetActivitiesAsync();
        var contentPath = new Uri(activities[0]!["attachments"]![0]!["contentUrl"]!.GetValue<string>()).PathAndQuery;

        Assert.Equal(bytes, await onB.GetByteArrayAsync(contentPath));
        Assert.Equal(HttpStatusCode.OK, (await Refresh(onB, customer.Token!)).StatusCode);

        // A token signed with any other key is refused.
        var elsewhere = await server.CreateDatabaseAsync(nameof(DirectLineAcrossInstancesOnPostgreSqlTests) + "other");
        using (var other = await StartAsync(elsewhere))
        using (var onOther = new HttpClient { BaseAddress = new Uri(other.Url) })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await Refresh(onOther, customer.Token!)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await onOther.GetAsync(contentPath)).StatusCode);
        }

        a.Kill();
        b.Kill();
        using var fresh = await StartAsync(connectionString);
        using var onFresh = new HttpClient { BaseAddress = new Uri(fresh.Url) };
        Assert.Equal(bytes, await onFresh.GetByteArrayAsync(contentPath));
        Assert.Equal(HttpStatusCode.OK, (await Refresh(onFresh, customer.Token!)).StatusCode);
    }

    private static async Task<HttpResponseMessage> Refresh(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/refresh");
        request.Headers.Authorization = new("Bearer", token);
        return await http.SendAsync(request);
    }
}
