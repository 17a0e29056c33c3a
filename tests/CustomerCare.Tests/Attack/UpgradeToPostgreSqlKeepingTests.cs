using System.Net;
using CustomerCare.Bot.Storage;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Attack;

/// <summary>
/// Earlier builds with Storage:Provider=PostgreSql kept uploads and the Direct Line signing key in each instance's data
/// file. Now both live in PostgreSQL, and what a data file held is still honoured: its key becomes the shared key if
/// PostgreSQL has none yet, and its files are still served.
/// </summary>
public sealed class UpgradeToPostgreSqlKeepingTests
{
    [Fact]
    public async Task AFileUploadedBeforeTheUpgrade_IsStillServed()
    {
        var dataPath = BotHost.TempDataPath();
        const string id = "00112233445566778899aabbccddeeff";
        // What the previous build wrote: FileStorage.Upload(id, name, content), no metadata.
        using (var file = LiteDbFile.Open(dataPath))
        {
            file.Database.FileStorage.Upload(id, "boarding-pass.png", new MemoryStream("PNG"u8.ToArray()));
        }
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync("upgradeuploads");
        await using var host = new BotHost(dataPath);
        host.Settings["Storage:Provider"] = "PostgreSql";
        host.Settings["ConnectionStrings:CustomerCare"] = connectionString;

        var served = await host.CreateClient().GetAsync($"/v3/directline/attachments/{id}");

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task ATokenIssuedBeforeTheUpgrade_IsStillHonoured()
    {
        var dataPath = BotHost.TempDataPath();
        string token;
        // The previous build kept its generated key in the data file's settings, on either provider.
        await using (var before = new BotHost(dataPath))
        {
            token = (await new DirectLineClient(before.CreateClient()).StartAsync()).Token!;
        }
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync("upgradekey");
        await using var after = new BotHost(dataPath);
        after.Settings["Storage:Provider"] = "PostgreSql";
        after.Settings["ConnectionStrings:CustomerCare"] = connectionString;

        using var refresh = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/refresh");
        refresh.Headers.Authorization = new("Bearer", token);
        var response = await after.CreateClient().SendAsync(refresh);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
