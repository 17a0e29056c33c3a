using System.Net;
using System.Text;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// An activity nested just under the serializer's limit once broke every later read of its conversation (the answer
/// nests it two levels deeper); activities now nest at most 32 levels, and the conversation stays readable.
/// </summary>
public sealed class DeepActivityTests
{
    [Theory]
    [InlineData(31, HttpStatusCode.OK)]
    [InlineData(62, HttpStatusCode.BadRequest)]
    public async Task AnActivityNestedDeep_IsRefusedOrKept_AndTheConversationStaysReadable(int depth, HttpStatusCode expected)
    {
        await using var host = new BotHost();
        var customer = await new DirectLineClient(host.CreateClient()).StartAsync();
        var channelData = string.Concat(Enumerable.Repeat("{\"a\":", depth - 2)) + "1" + new string('}', depth - 2);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{customer.ConversationId}/activities")
        {
            Content = new StringContent($$"""{"type":"message","text":"hello","from":{"id":"{{customer.UserId}}"},"channelData":{{channelData}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", customer.Token);

        using var response = await host.CreateClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        await customer.PostMessageAsync("I want to talk to a person");
        Assert.NotEmpty(await customer.BotTextsAsync());
    }
}
