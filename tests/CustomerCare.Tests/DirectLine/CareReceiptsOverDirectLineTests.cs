using System.Net;
using CustomerCare.Ledger;
using CustomerCare.Remedies;
using CustomerCare.Tests.Supervisors;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.DirectLine;

/// <summary>
/// A receipt sent the way Web Chat's attachment button sends it (a Direct Line upload) is paid back within the caps,
/// and stays with the grant: the ledger keeps its link, which serves the file, and supervisors see it in the transcript.
/// </summary>
public sealed class CareReceiptsOverDirectLineTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnUploadedReceipt_IsPaidBack_AndItsFileStaysWithTheGrant_WhenTheConversationExpires(bool postgreSql)
    {
        await using var host = new BotHost();
        if (postgreSql)
        {
            host.Settings["Storage:Provider"] = "PostgreSql";
            host.Settings["ConnectionStrings:CustomerCare"] = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync("receipts");
        }
        var http = host.CreateClient();
        var customer = await new DirectLineClient(http).StartAsync();
        foreach (var text in new[] { "My flight CC218 was delayed, booking DEMO07", "Vorbild", "Money", "receipts", "Meals", "18.50" })
        {
            await customer.PostMessageAsync(text);
        }
        var jpeg = "\xFF\xD8\xFF\xE0 not really a photo"u8.ToArray();
        Assert.Equal(HttpStatusCode.OK, await customer.UploadAsync("lunch.jpg", jpeg));
        await customer.PostMessageAsync("that's all");
        await customer.PostMessageAsync("yes");
        Assert.Contains(await customer.BotTextsAsync(), t => t.Contains("Paid back: €18.50", StringComparison.Ordinal));

        var ledger = host.Services.GetRequiredService<ICompensationLedger>();
        var care = Assert.Single(await ledger.ForBookingAsync("DEMO07", CancellationToken.None), e => e.Remedies.Any(r => r.Kind == RemedyKind.Care));
        var receipt = Assert.Single(care.Receipts);
        Assert.Equal((CareExpense.Meals, 18.50m, "lunch.jpg", "image/jpeg"), (receipt.Expense, receipt.Amount, receipt.FileName, receipt.ContentType));
        // The bot's own link, relative to its address: what the client said its host was plays no part.
        Assert.StartsWith("/v3/directline/attachments/", receipt.ContentUrl, StringComparison.Ordinal);
        Assert.Equal(jpeg, await http.GetByteArrayAsync(receipt.ContentUrl));

        var supervisor = await SupervisorSession.SignInAsync(host);
        var page = WebUtility.HtmlDecode(await supervisor.GetStringAsync($"/supervisors/conversations/directline/{customer.ConversationId}"));
        Assert.Contains("Receipts: Meals 18.50 EUR, lunch.jpg", page, StringComparison.Ordinal);

        // Retention deletes the conversation and its other uploads; the receipt stays with its grant.
        Assert.Equal(HttpStatusCode.OK, await customer.UploadAsync("selfie.jpg", "JPEG"u8.ToArray()));
        var other = (await customer.GetActivitiesAsync()).Activities.SelectMany(a => a!["attachments"]?.AsArray() ?? [])
            .Select(a => a!["contentUrl"]?.GetValue<string>()).OfType<string>().Select(u => new Uri(u).PathAndQuery).Single(u => u != receipt.ContentUrl);
        await Task.Delay(1500);
        Assert.True((await host.Services.GetRequiredService<CustomerCare.Bot.Supervisors.IRetentionStore>().ExpireAsync(DateTime.UtcNow.AddDays(1))).Conversations > 0, "nothing expired");
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(other)).StatusCode);
        Assert.Equal(jpeg, await http.GetByteArrayAsync(receipt.ContentUrl));
    }
}
