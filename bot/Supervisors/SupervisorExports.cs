using System.Text.Json;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Ledger.Fairness;
using CustomerCare.Payouts;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Supervisors;

/// <summary>
/// Downloads for supervisors: one conversation as a Bot Framework .transcript file (a JSON array of activities, as the
/// Emulator opens it), a filtered list as JSON lines, the fairness report and payout instructions as CSV. Each
/// transcript read and each payouts download is logged.
/// </summary>
public static class SupervisorExports
{
    private static readonly JsonSerializerOptions Lines = new(JsonSerializerDefaults.Web);

    /// <summary>The most instructions one CSV download holds (oldest grant first).</summary>
    public const int MaxPayoutsExported = 100_000;

    public static void MapSupervisorExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(SupervisorAccess.BasePath).RequireAuthorization(SupervisorAccess.Policy);

        group.MapGet("/export/{channel}/{id}.transcript", async (string channel, string id, HttpContext http, ITranscriptStore transcripts, TranscriptAccessLog access) =>
        {
            if (!await transcripts.ExistsAsync(channel, id, http.RequestAborted).ConfigureAwait(false))
            {
                return Results.NotFound(new { error = new { code = "NotFound", message = $"No transcript for conversation '{id}' on channel '{channel}'." } });
            }
            await access.RecordAsync(http.User, "exported", channel + "/" + id).ConfigureAwait(false);
            var activities = await transcripts.GetActivitiesAsync(channel, id, http.RequestAborted).ConfigureAwait(false);
            var json = JsonSerializer.Serialize(activities.ToList(), ProtocolJsonContext.Default.ListActivity);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", FileName(id) + ".transcript");
        });

        group.MapGet("/conversations.jsonl", async (HttpContext http, IConversationList search, TranscriptAccessLog access) =>
        {
            var query = SupervisorQueryString.Parse(http.Request.Query);
            var all = await search.AllAsync(query).ConfigureAwait(false);
            await access.RecordAsync(http.User, $"exported the list{http.Request.QueryString} ({all.Count} conversations)", "*").ConfigureAwait(false);
            http.Response.ContentType = "application/x-ndjson; charset=utf-8";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"conversations.jsonl\"";
            foreach (var summary in all)
            {
                await http.Response.WriteAsync(JsonSerializer.Serialize(ExportRow.Of(summary), Lines) + "\n").ConfigureAwait(false);
            }
        });

        group.MapGet("/payouts.csv", async (string? status, HttpContext http, IPayoutStore payouts, TranscriptAccessLog access) =>
        {
            if (!Enum.TryParse<PayoutStatus>(status ?? nameof(PayoutStatus.Waiting), ignoreCase: true, out var wanted) || !Enum.IsDefined(wanted))
            {
                return Results.BadRequest(new { error = new { code = "BadStatus", message = "status is one of waiting, sent, paid, rejected, failed." } });
            }
            var listed = await payouts.ListAsync([wanted], MaxPayoutsExported, http.RequestAborted).ConfigureAwait(false);
            await access.RecordAsync(http.User, $"exported the {wanted.ToString().ToLowerInvariant()} payouts ({listed.Count})", "*").ConfigureAwait(false);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(PayoutsCsv.Write(listed)), "text/csv; charset=utf-8", $"payouts-{wanted.ToString().ToLowerInvariant()}.csv");
        });

        group.MapGet("/payouts/sepa/{batch}.xml", async (string batch, HttpContext http, IPayoutStore payouts, TranscriptAccessLog access) =>
        {
            if (batch.Length > 35 || await payouts.SepaFileAsync(batch, http.RequestAborted).ConfigureAwait(false) is not { } file)
            {
                return Results.NotFound(new { error = new { code = "NotFound", message = $"No SEPA file '{batch}'." } });
            }
            await access.RecordAsync(http.User, $"downloaded the SEPA file {batch} ({file.Transfers} transfers)", "*").ConfigureAwait(false);
            return Results.File(file.Content, "application/xml", $"pain.001-{batch}.xml");
        });

        group.MapGet("/fairness.csv", async (HttpContext http, FairnessSource fairness) =>
        {
            var query = SupervisorQueryString.Parse(http.Request.Query);
            var csv = FairnessCsv.Write(await fairness.BuildAsync(query.From, query.To, http.RequestAborted).ConfigureAwait(false));
            return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", "fairness.csv");
        });
    }

    private static string FileName(string id) => string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));

    /// <summary>One line of the list export.</summary>
    private sealed record ExportRow(string Channel, string Conversation, DateTime FirstUtc, DateTime LastUtc, int Activities, IReadOnlyList<string> Outcomes, string Language,
        string? Customer, IReadOnlyList<string> Bookings, IReadOnlyList<string> Agents, string? CaseReference, int Grants, int? Rating, int? ReviewScore)
    {
        public static ExportRow Of(ConversationSummary s) => new(s.ChannelId, s.ConversationId, s.FirstUtc, s.LastUtc, s.Activities, s.AllOutcomes, s.Language,
            s.CustomerName ?? s.CustomerId, s.Bookings, s.Agents, s.CaseReference, s.Grants, s.Rating, s.ReviewScore);
    }
}
