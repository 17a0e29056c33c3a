using System.Globalization;
using System.Text.Json.Nodes;
using CustomerCare.Cases;
using CustomerCare.Ledger;
using CustomerCare.Payouts;

namespace CustomerCare.Bot.Teams;

/// <summary>
/// The agents' view of a case as an Adaptive Card 1.5 with Universal Actions: who the customer is, what happened,
/// what was already granted in any channel, the conversation so far, and a Take button until someone has it (then
/// Take over, which moves the case to whoever clicks it, recorded).
/// </summary>
public static class HandoffCard
{
    public const string TakeVerb = "take";
    public const string TakeOverVerb = "takeover";
    public const string ApproveVerb = "approve";
    public const string DeclineVerb = "decline";

    /// <param name="payouts">Where each grant's money is, by grant reference.</param>
    public static JsonObject Build(CaseFile caseFile, IReadOnlyList<LedgerEntry> ledger, IReadOnlyList<string> proposal, IReadOnlyList<string> lastMessages, string? takenBy = null, string? note = null, bool decided = false, string? tier = null, string? transcriptUrl = null,
        IReadOnlyDictionary<string, PayoutState>? payouts = null)
    {
        var facts = new JsonArray
        {
            Fact("Case", caseFile.Reference),
            Fact("Reason", caseFile.Reason.ToString()),
            Fact("Customer", $"{caseFile.LastName ?? "unknown"} · booking {caseFile.BookingReference ?? "not given"}"),
            Fact("Tier", tier ?? "unknown"),
            Fact("Language", caseFile.Locale),
            Fact("Channel", caseFile.ChannelId),
            Fact("Disruption", $"{caseFile.DisruptionKind ?? "not stated"} {caseFile.FlightNumber}".Trim()),
            Fact("Opened", caseFile.OpenedUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
        };
        if (caseFile.Summary is { Length: > 0 } summary)
        {
            facts.Add(Fact("What the bot could not decide", MarkdownText.Neutral(summary)));
        }
        var body = new JsonArray
        {
            Text(takenBy is null ? "A customer needs a person" : $"Taken by {takenBy}", "Large", bold: true),
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
            Text("Already granted (any channel)", "Medium", bold: true),
            Text(ledger.Count == 0 ? "Nothing granted on this booking." : string.Join("\n", ledger.Select(e =>
                $"- {e.Reference}: {string.Join(", ", e.Remedies.Select(r => r.Amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + r.Currency))} on {e.GrantedUtc:yyyy-MM-dd} via {e.GrantedBy.Channel} by {e.GrantedBy.Name ?? e.GrantedBy.Id} ({e.PolicyVersion}){PayoutText(payouts, e.Reference)}{ReceiptsText(e)}")), "Default", bold: false),
            Text("What the policy proposes", "Medium", bold: true),
            Text(string.Join("\n", proposal.Select(p => "- " + p)), "Default", bold: false),
            Text("The conversation so far", "Medium", bold: true),
            Text(lastMessages.Count == 0 ? "No messages." : string.Join("\n", lastMessages.Select(m => "- " + m)), "Default", bold: false),
        };
        if (note is not null)
        {
            body.Add(Text(note, "Default", bold: true));
        }
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        var actions = new JsonArray();
        actions.Add(takenBy is null ? Execute("Take", TakeVerb, caseFile.Reference) : Execute("Take over", TakeOverVerb, caseFile.Reference));
        if (!decided)
        {
            actions.Add(Execute("Approve proposal", ApproveVerb, caseFile.Reference));
            actions.Add(Execute("Decline", DeclineVerb, caseFile.Reference));
        }
        if (transcriptUrl is not null)
        {
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Full transcript", ["url"] = transcriptUrl });
        }
        card["actions"] = actions;
        return card;
    }

    private static JsonObject Execute(string title, string verb, string reference) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = verb,
        ["data"] = new JsonObject { ["case"] = reference },
    };

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JsonObject Text(string text, string size, bool bold) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["wrap"] = true,
        ["size"] = size,
        ["weight"] = bold ? "Bolder" : "Default",
    };

    /// <summary>The receipts a care grant paid back; their files open from the transcript, so the customer's names make no links here.</summary>
    private static string ReceiptsText(CustomerCare.Ledger.LedgerEntry entry) => entry.Receipts.Count == 0 ? string.Empty
        : "; receipts (open them from the full transcript): " + string.Join(", ", entry.Receipts.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Expense} {r.Amount:0.00} {r.Currency} ({MarkdownText.Neutral(r.FileName)})")));

    /// <summary>"; payout sent 2026-12-01", "; payout rejected: account closed", … — nothing for a grant without a payout.</summary>
    private static string PayoutText(IReadOnlyDictionary<string, PayoutState>? payouts, string reference)
        => payouts?.GetValueOrDefault(reference) is not { } p ? string.Empty : StatusText(p) + (p.Instruction.Account is { } account ? $" by bank transfer to {account.Masked}" : string.Empty);

    /// <summary>Where the payout stands; an account shows masked only (the card goes to a Teams channel).</summary>
    private static string StatusText(PayoutState p) => p.Status switch
        {
            PayoutStatus.Waiting => p.Attempts == 0 ? "; payout waiting" : $"; payout waiting (try {p.Attempts + 1}: {p.LastError})",
            PayoutStatus.Sent => $"; payout sent {p.SentUtc:yyyy-MM-dd}",
            PayoutStatus.Paid => $"; payout paid {p.PaidOn:yyyy-MM-dd}",
            PayoutStatus.Rejected => $"; payout rejected by finance: {p.Reason}",
            _ => $"; payout failed ({p.LastError}): a supervisor can retry it",
        };
}
