using System.Text.Json;
using CustomerCare.Bot.DirectLine;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Bot.Teams;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Payouts;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Privacy;

/// <summary>
/// Gathers what is held about a customer through the stores' own ports, so both stores answer alike. Their
/// conversations are those their grants were made in and, when the booking is theirs alone, those whose summary names
/// it (on a booking of several passengers such a conversation may be a co-traveller's, so it is not theirs to take).
/// </summary>
public sealed class CustomerRecordsReader(
    IOperationsData operations,
    ICompensationLedger ledger,
    IPayoutStore payouts,
    IConversationList conversations,
    ITranscriptStore transcripts,
    IStorage state,
    ICaseStore cases,
    ISupervisorReviews reviews,
    IUploadStore uploads,
    TimeProvider clock)
{
    /// <summary>What is held about the customer; null when neither the booking names them nor anything is held about them.</summary>
    public async Task<CustomerRecords?> ReadAsync(CustomerKey who, CancellationToken cancellationToken)
    {
        var booking = await operations.FindBookingAsync(who.Booking, cancellationToken).ConfigureAwait(false);
        var passenger = booking?.Passengers.FirstOrDefault(p => p.PassengerId == who.PassengerId);
        var grants = (await ledger.ForBookingAsync(who.Booking, cancellationToken).ConfigureAwait(false))
            .Where(e => e.Subject.PassengerId == who.PassengerId).OrderBy(e => e.GrantedUtc).ToList();
        var instructions = new List<PayoutState>();
        foreach (var grant in grants)
        {
            if (await payouts.FindAsync(grant.Reference, cancellationToken).ConfigureAwait(false) is { } payout)
            {
                instructions.Add(payout);
            }
        }
        var held = new List<ConversationRecords>();
        var kept = grants.SelectMany(g => g.Receipts).Select(r => UploadLinks.IdOf(r.ContentUrl)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var (channel, conversation) in await ConversationsOfAsync(who, grants, booking?.Passengers.Count ?? 0).ConfigureAwait(false))
        {
            // A grant names its conversation after the conversation is gone.
            if (await ConversationAsync(channel, conversation, kept, cancellationToken).ConfigureAwait(false) is { HoldsAnything: true } records)
            {
                held.Add(records);
            }
        }
        held.AddRange(await AgentsThreadsAsync(held, kept, cancellationToken).ConfigureAwait(false));
        return passenger is null && grants.Count == 0 && held.Count == 0
            ? null
            : new CustomerRecords(who, passenger, held, grants, instructions) { ExportedUtc = clock.GetUtcNow().UtcDateTime };
    }

    /// <summary>
    /// The conversations their grants were made in, and, when the booking is theirs alone, those whose summary names it.
    /// On a booking of several passengers a conversation naming it may be a co-traveller's (one claims for another):
    /// it is not given to, nor erased for, each of them.
    /// </summary>
    private async Task<List<(string Channel, string Conversation)>> ConversationsOfAsync(CustomerKey who, IReadOnlyList<LedgerEntry> grants, int passengersOnBooking)
    {
        var found = grants.Select(g => (g.GrantedBy.Channel, g.GrantedBy.ConversationId)).ToList();
        if (passengersOnBooking > 1)
        {
            return found.Distinct().ToList();
        }
        var naming = await conversations.AllAsync(new ConversationQuery { Search = who.Booking }).ConfigureAwait(false);
        found.AddRange(naming.Where(s => s.Bookings.Contains(who.Booking, StringComparer.Ordinal)).Select(s => (s.ChannelId, s.ConversationId)));
        return found.Distinct().ToList();
    }

    /// <summary>The agents' Teams threads of the customer's cases: the customer's messages were relayed there.</summary>
    private async Task<List<ConversationRecords>> AgentsThreadsAsync(List<ConversationRecords> held, HashSet<string> kept, CancellationToken cancellationToken)
    {
        var threads = new List<ConversationRecords>();
        foreach (var history in held.SelectMany(c => c.Cases))
        {
            if (await cases.FindHeldAsync(history.Case.Reference, cancellationToken).ConfigureAwait(false) is { Thread: { } thread }
                && await ConversationAsync(TeamsMiddleware.ChannelId, thread.ThreadId, kept, cancellationToken).ConfigureAwait(false) is { HoldsAnything: true } records)
            {
                threads.Add(records with { AgentsThreadOfCase = history.Case.Reference, ThreadOfCaseInProgress = history.Status != CaseStatus.Closed });
            }
        }
        return threads;
    }

    private async Task<ConversationRecords> ConversationAsync(string channel, string conversation, HashSet<string> kept, CancellationToken cancellationToken)
    {
        var summary = await conversations.FindAsync(channel, conversation).ConfigureAwait(false);
        var transcript = await transcripts.GetActivitiesAsync(channel, conversation, cancellationToken).ConfigureAwait(false);
        var user = summary?.CustomerId is { } customer ? await JsonOfAsync(StateKeys.User(channel, customer), cancellationToken).ConfigureAwait(false) : null;
        var listed = new List<UploadRecord>();
        foreach (var id in transcript.SelectMany(a => a.Attachments ?? []).Select(a => a.ContentUrl).OfType<string>().Select(UploadLinks.IdOf).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await uploads.OpenAsync(id, cancellationToken).ConfigureAwait(false) is { } file)
            {
                await using (file.Content.ConfigureAwait(false))
                {
                    listed.Add(new UploadRecord(id, file.FileName, file.ContentType, await LengthAsync(file.Content, cancellationToken).ConfigureAwait(false), kept.Contains(id)));
                }
            }
        }
        return new ConversationRecords(channel, conversation, summary, transcript,
            await JsonOfAsync(StateKeys.Conversation(channel, conversation), cancellationToken).ConfigureAwait(false), user,
            await cases.ForConversationAsync(channel, conversation, cancellationToken).ConfigureAwait(false),
            await reviews.ForAsync(channel, conversation, cancellationToken).ConfigureAwait(false),
            listed);
    }

    private async Task<JsonElement?> JsonOfAsync(string key, CancellationToken cancellationToken)
        => await state.ReadAsync(key, cancellationToken).ConfigureAwait(false) is { } item ? JsonDocument.Parse(item.Json).RootElement.Clone() : null;

    private static async Task<long> LengthAsync(Stream content, CancellationToken cancellationToken)
    {
        if (content.CanSeek)
        {
            return content.Length;
        }
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }
        return length;
    }
}
