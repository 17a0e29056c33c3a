using System.Net;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Attack;

/// <summary>The upload bound as the real server (Kestrel) enforces it, for a chunked body of several files each under the limit.</summary>
public sealed class UploadBoundOnKestrelTests
{
    [Fact]
    public async Task ManyFilesEachUnderTheLimit_SentChunked_AreRefusedTogether()
    {
        using var bot = await BotProcess.StartAsync(BotHost.TempDataPath());
        using var http = new HttpClient { BaseAddress = new Uri(bot.Url) };
        var customer = await new DirectLineClient(http).StartAsync();
        using var form = new MultipartFormDataContent();
        for (var i = 0; i < 6; i++)
        {
            var file = new ByteArrayContent(new byte[1024 * 1024]);
            file.Headers.ContentType = new("application/octet-stream");
            form.Add(file, "file" + i, $"part{i}.bin");
        }
        using var chunked = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{customer.ConversationId}/upload?userId={customer.UserId}")
        {
            Content = new StreamContent(await form.ReadAsStreamAsync()) { Headers = { ContentType = form.Headers.ContentType } },
        };
        chunked.Headers.TransferEncodingChunked = true;
        chunked.Headers.Authorization = new("Bearer", customer.Token);

        HttpStatusCode status;
        try
        {
            status = (await http.SendAsync(chunked)).StatusCode;
        }
        catch (HttpRequestException)
        {
            status = HttpStatusCode.RequestEntityTooLarge; // the server cut the body off
        }

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }
}
