using CustomerCare.Bot.Privacy;

namespace CustomerCare.Bot.Cli;

/// <summary>
/// <c>erase-customer --booking REF --passenger ID --yes</c>: erases that passenger (GDPR Art. 17) — deletes their
/// conversations with everything that belongs to them, and pseudonymises their grants and payouts, which are kept as
/// the record of compensation paid (Art. 17(3)(b) and (e)) — and says what it did and what it had to leave.
/// </summary>
public static class EraseCustomerCommand
{
    public const string Usage = """
        usage: erase-customer --booking DEMO01 --passenger DEMO01-1 --yes [--data data/customercare.db] [--Storage:Provider PostgreSql --ConnectionStrings:CustomerCare "Host=..."]
          Deletes the passenger's conversations (transcripts, summaries, state, uploads, cases, reviews) and pseudonymises their grants and payouts.
          Exit codes: 0 erased, 1 unknown customer or the store could not be opened, 2 wrong arguments,
                      3 erased but for a case a person still works on or a payout not yet paid (run it again once they are done).
        """;

    public const string LedgerException = """
        Kept: grants and their payouts are the legal record of compensation paid (GDPR Art. 17(3)(b): a legal obligation to
        keep accounting records; Art. 17(3)(e): the defence of claims). They keep the booking reference, passenger id, ticket,
        amounts, rules and dates; the passenger's name and the account holder are replaced by a pseudonym, the IBAN is masked.
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
            error.WriteLine("erase-customer: " + problem);
            error.WriteLine(Usage);
            return 2;
        }
        if (!parsed!.Confirmed)
        {
            error.WriteLine($"erase-customer: this deletes what is held about {parsed.Customer} and cannot be undone; add --yes to go ahead.");
            return 2;
        }
        try
        {
            using var host = await PrivacyCommandHost.OpenAsync("erase-customer", parsed.Settings, error).ConfigureAwait(false);
            if (host is null)
            {
                return 1;
            }
            var report = await host.Services.GetRequiredService<CustomerErasure>().EraseAsync(parsed.Customer, CancellationToken.None).ConfigureAwait(false);
            if (report is null)
            {
                error.WriteLine($"erase-customer: no {parsed.Customer} is known, and nothing is held about them.");
                return 1;
            }
            Write(report, output);
            return report.IsComplete ? 0 : 3;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or IOException)
        {
            error.WriteLine("erase-customer: " + e.Message);
            return 1;
        }
    }

    private static void Write(ErasureReport report, TextWriter output)
    {
        output.WriteLine($"Erased {report.Customer}:");
        output.WriteLine($"  deleted {report.DeletedConversations.Count} conversation(s) with their transcripts, summaries, state and uploads: {List(report.DeletedConversations)}");
        output.WriteLine($"  deleted {report.DeletedCases} closed case(s) and {report.DeletedReviews} review(s)");
        output.WriteLine($"  pseudonymised {report.PseudonymisedGrants.Count} grant(s) and their payouts: {List(report.PseudonymisedGrants)}");
        foreach (var conversation in report.ConversationsWithCaseInProgress)
        {
            output.WriteLine($"  left {conversation}: a case of it still waits for or is held by a person; erase again once it is closed");
        }
        foreach (var (reference, status) in report.GrantsWithUnpaidPayout)
        {
            output.WriteLine($"  left grant {reference} whole: its payout is {status}, not yet paid, and needs the name and account; erase again once it is paid");
        }
        output.WriteLine(LedgerException);
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);
}
