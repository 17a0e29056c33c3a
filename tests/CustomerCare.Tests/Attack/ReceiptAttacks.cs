using System.Net;
using System.Net.Http.Headers;
using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;
using CustomerCare.Schema;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Attack;

/// <summary>What the receipt attacks share: files as the bot's own Direct Line delivers them, turns in several conversations, the way to the file step.</summary>
internal static class ReceiptAttacks
{
    public const string Report = "My flight CC218 was delayed, booking DEMO07";

    public static Activity File(string name, string type, string url) => new()
    {
        Type = ActivityTypes.Message,
        // As the bot's own Direct Line delivers an upload.
        ServiceUrl = OwnDirectLine.ServiceUrl,
        Attachments = [new Attachment { Name = name, ContentType = type, ContentUrl = url }],
    };

    public static string Drain(TestConversation conversation)
    {
        var replies = new List<string>();
        while (conversation.PendingReplies > 0)
        {
            replies.Add(conversation.NextReply().Text ?? string.Empty);
        }
        return string.Join("\n", replies);
    }

    public static async Task<string> SendInAsync(TestConversation conversation, string conversationId, Activity activity)
    {
        activity.Conversation = new ConversationAccount { Id = conversationId };
        activity.From = new ChannelAccount { Id = "user-" + conversationId, Name = "Customer", Role = RoleTypes.User };
        await conversation.SendAsync(activity);
        return Drain(conversation);
    }

    public static Task<string> SayInAsync(TestConversation conversation, string conversationId, string text)
        => SendInAsync(conversation, conversationId, new Activity { Type = ActivityTypes.Message, Text = text });

    public static async Task<IReadOnlyList<LedgerEntry>> CareGrantsAsync(ICompensationLedger ledger, string booking)
        => (await ledger.ForBookingAsync(booking, CancellationToken.None)).Where(e => e.Remedies.Any(r => r.Kind == RemedyKind.Care)).ToList();

    /// <summary>Direct Line: DEMO07 reported, money chosen, receipts started, one meal of 18.50 stated; the next post is the file.</summary>
    public static async Task<DirectLineClient> AtTheFileStepAsync(HttpClient http)
    {
        var customer = await new DirectLineClient(http).StartAsync();
        foreach (var text in new[] { Report, "Vorbild", "Money", "receipts", "Meals", "18.50" })
        {
            await customer.PostMessageAsync(text);
        }
        return customer;
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient http, DirectLineClient customer, string fileName, string type, byte[] bytes, string? host = null)
    {
        using var form = new MultipartFormDataContent();
        var activity = new StringContent($$$"""{"type":"message","from":{"id":"{{{customer.UserId}}}"}}""");
        activity.Headers.ContentType = new("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new(type);
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{customer.ConversationId}/upload?userId={customer.UserId}") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", customer.Token);
        if (host is not null)
        {
            request.Headers.Host = host;
        }
        return await http.SendAsync(request);
    }

    /// <summary>What Web Chat never sends: a plain activity whose attachment points wherever the client likes.</summary>
    public static async Task PostAttachmentAsync(DirectLineClient customer, string name, string type, string url)
    {
        var response = await customer.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{customer.ConversationId}/activities", new
        {
            type = "message",
            from = new { id = customer.UserId },
            attachments = new[] { new { name, contentType = type, contentUrl = url } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
