using CustomerCare.Bot.Privacy;

namespace CustomerCare.Bot.Cli;

/// <summary>
/// <c>export-customer --booking REF --passenger ID [--out FILE]</c>: writes one JSON document of everything held about
/// that passenger (GDPR Art. 15) — the passenger as the booking names them, their conversations (transcript as stored,
/// summary, state, cases, reviews, uploads listed) and their grants with the payouts — to the file, or to standard output.
/// </summary>
public static class ExportCustomerCommand
{
    public const string Usage = """
        usage: export-customer --booking DEMO01 --passenger DEMO01-1 [--out customer.json] [--data data/customercare.db] [--Storage:Provider PostgreSql --ConnectionStrings:CustomerCare "Host=..."]
          Writes everything held about the passenger on the booking as one JSON document (to standard output without --out).
          Exit codes: 0 written, 1 unknown customer or the store could not be opened, 2 wrong arguments.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is ["--help" or "-h", ..])
        {
            output.WriteLine(Usage);
            return 0;
        }
        if (!CustomerArguments.TryParse(args, out var parsed, out var problem))
        {
            error.WriteLine("export-customer: " + problem);
            error.WriteLine(Usage);
            return 2;
        }
        try
        {
            using var host = await PrivacyCommandHost.OpenAsync("export-customer", parsed!.Settings, error).ConfigureAwait(false);
            if (host is null)
            {
                return 1;
            }
            var records = await host.Services.GetRequiredService<CustomerRecordsReader>().ReadAsync(parsed.Customer, CancellationToken.None).ConfigureAwait(false);
            if (records is null)
            {
                error.WriteLine($"export-customer: no {parsed.Customer} is known, and nothing is held about them.");
                return 1;
            }
            var json = PrivacyJson.Write(records);
            if (parsed.OutputPath is { } path)
            {
                await File.WriteAllTextAsync(path, json).ConfigureAwait(false);
                output.WriteLine($"{path}: {parsed.Customer}: {records.Conversations.Count} conversation(s), {records.Grants.Count} grant(s), {records.Payouts.Count} payout(s)");
            }
            else
            {
                output.WriteLine(json);
            }
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine("export-customer: " + e.Message);
            return 1;
        }
    }
}
