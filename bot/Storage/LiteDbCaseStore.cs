using System.Collections.Concurrent;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Cases;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>Open cases in LiteDB, keyed by their reference.</summary>
public sealed class LiteDbCaseStore : ICaseStore
{
    private const string CollectionName = "cases";
    private readonly ILiteCollection<BsonDocument> _cases;
    private readonly LiteDbWriter _writer;
    private readonly ConversationIndex? _index;
    private readonly TimeProvider _clock;
    private readonly Lazy<ConcurrentDictionary<string, bool>> _conversationsWithCases;

    public LiteDbCaseStore(LiteDatabase database, LiteDbWriter writer, TimeProvider clock, ConversationIndex? index = null)
    {
        _writer = writer;
        _clock = clock;
        _index = index;
        _cases = database.GetCollection(CollectionName);
        _cases.EnsureIndex("status");
        _cases.EnsureIndex("conversationId");
        _cases.EnsureIndex("agentThreadId");
        _conversationsWithCases = new(() => new(
            _cases.Query().Select("{ c: channelId, v: conversationId }").ToEnumerable()
                .Select(d => KeyValuePair.Create(ConversationKey.Of(d["c"].AsString, d["v"].AsString), true)),
            StringComparer.Ordinal));
    }

    /// <summary>
    /// False only when the conversation has never had a case, which is most customer turns: answered from memory, so
    /// the per-turn check for a held case costs no query. Cases are only opened here, and this one process owns the file.
    /// </summary>
    private bool MayHaveCases(string channelId, string conversationId)
        => _conversationsWithCases.Value.ContainsKey(ConversationKey.Of(channelId, conversationId));

    public Task OpenAsync(CaseFile caseFile, CancellationToken cancellationToken)
    {
        // Noted before the write, so a turn running meanwhile looks the case up rather than missing it.
        _conversationsWithCases.Value[ConversationKey.Of(caseFile.ChannelId, caseFile.ConversationId)] = true;
        return _writer.WriteAsync(db =>
        {
            _index?.Change(db, caseFile.ChannelId, caseFile.ConversationId, summary => (summary with
            {
                HandedOff = true,
                CustomerName = summary.CustomerName ?? caseFile.LastName,
                LastUtc = summary.LastUtc > caseFile.OpenedUtc ? summary.LastUtc : caseFile.OpenedUtc,
                CaseReference = caseFile.Reference,
            }).WithBooking(caseFile.BookingReference));
            return db.GetCollection(CollectionName).Insert(ToDocument(caseFile));
        });
    }

    private static BsonDocument ToDocument(CaseFile caseFile) => new()
        {
            ["_id"] = caseFile.Reference,
            ["status"] = "open",
            ["reason"] = caseFile.Reason.ToString(),
            ["channelId"] = caseFile.ChannelId,
            ["conversationId"] = caseFile.ConversationId,
            ["customerId"] = caseFile.CustomerId,
            ["locale"] = caseFile.Locale,
            ["openedUtc"] = caseFile.OpenedUtc,
            ["disruptionKind"] = caseFile.DisruptionKind,
            ["bookingReference"] = caseFile.BookingReference,
            ["lastName"] = caseFile.LastName,
            ["flightNumber"] = caseFile.FlightNumber,
            ["summary"] = caseFile.Summary,
            ["customerServiceUrl"] = caseFile.CustomerServiceUrl,
            ["customerBotId"] = caseFile.CustomerBotId,
        };

    public Task<CaseFile?> FindAsync(string reference, CancellationToken cancellationToken)
        => Task.FromResult(_cases.FindById(reference) is { } document ? ToCase(document) : null);

    public Task<CaseClaim> TryTakeAsync(string reference, string agentId, string agentName, CancellationToken cancellationToken)
        => _writer.WriteAsync(db =>
        {
            var cases = db.GetCollection(CollectionName);
            if (cases.FindById(reference) is not { } document)
            {
                return CaseClaim.Missing;
            }
            if (document["status"].AsString == "open")
            {
                document["status"] = "taken";
                document["agentId"] = agentId;
                document["agentName"] = agentName;
                document["takenUtc"] = _clock.GetUtcNow().UtcDateTime;
                cases.Update(document);
                _index?.Change(db, document["channelId"].AsString, document["conversationId"].AsString,
                    summary => summary.WithAgent(agentName));
                return new CaseClaim(true, true, agentId, agentName, Newly: true);
            }
            var holder = document["agentId"].AsString;
            return new CaseClaim(true, holder == agentId, holder, document["agentName"].AsString);
        });

    /// <summary>Remembers the agents' thread the case was posted to, so replies there reach the customer.</summary>
    public Task AttachAgentThreadAsync(string reference, string threadId, string serviceUrl, string botId, string? cardActivityId = null)
        => _writer.WriteAsync(db =>
        {
            var cases = db.GetCollection(CollectionName);
            var document = cases.FindById(reference);
            document["agentThreadId"] = threadId;
            document["agentCardActivityId"] = cardActivityId;
            document["agentServiceUrl"] = serviceUrl;
            document["agentBotId"] = botId;
            return cases.Update(document);
        });

    /// <summary>The case a person holds (or is being rated) for a customer's conversation, if any.</summary>
    public HeldCase? HeldForCustomer(string channelId, string conversationId)
        => !MayHaveCases(channelId, conversationId) ? null : _cases.Find(Filters.EqualAndIn("conversationId", conversationId, "status", "taken", "rating"))
            .Where(d => d["channelId"].AsString == channelId).Select(Held).FirstOrDefault();

    /// <summary>Open cases nobody has taken since before the cutoff, whose customer has not been told yet.</summary>
    public IReadOnlyList<CaseFile> WaitingSince(DateTime cutoffUtc)
        => _cases.Find(Filters.EqualAndBefore("status", "open", "openedUtc", cutoffUtc))
            .Where(d => !d["waitNoticeSent"].IsBoolean).Select(ToCase).ToList();

    public CaseFile? OpenForCustomer(string channelId, string conversationId)
        => !MayHaveCases(channelId, conversationId) ? null : _cases.Find(Filters.Equal("conversationId", conversationId, "status", "open"))
            .Where(d => d["channelId"].AsString == channelId).Select(ToCase).LastOrDefault();

    /// <summary>Sets a flag once: true for the caller who set it, false when it was already set (atomic on the writer).</summary>
    public Task<bool> TryMarkAsync(string reference, string flag)
        => _writer.WriteAsync(db =>
        {
            var cases = db.GetCollection(CollectionName);
            var document = cases.FindById(reference);
            if (document is null || document[flag].IsBoolean)
            {
                return false;
            }
            document[flag] = true;
            return cases.Update(document);
        });

    public Task SetFieldAsync(string reference, string field, BsonValue value)
        => _writer.WriteAsync(db =>
        {
            var cases = db.GetCollection(CollectionName);
            var document = cases.FindById(reference);
            document[field] = value;
            return cases.Update(document);
        });

    /// <summary>Where the case's card was posted: the thread, its service and the card message, if known.</summary>
    public (string ThreadId, string ServiceUrl, string ActivityId)? CardLocation(string reference)
        => _cases.FindById(reference) is { } d && !d["agentThreadId"].IsNull && !d["agentCardActivityId"].IsNull
            ? (d["agentThreadId"].AsString, d["agentServiceUrl"].AsString, d["agentCardActivityId"].AsString)
            : null;

    /// <summary>Adds an agent's note to the case.</summary>
    public Task AddNoteAsync(string reference, string author, string text, DateTime atUtc)
        => _writer.WriteAsync(db =>
        {
            var cases = db.GetCollection(CollectionName);
            var document = cases.FindById(reference);
            var notes = document["notes"].IsArray ? document["notes"].AsArray : new BsonArray();
            notes.Add(new BsonDocument { ["author"] = author, ["text"] = text, ["atUtc"] = atUtc });
            document["notes"] = notes;
            return cases.Update(document);
        });

    /// <summary>The name of the agent who holds a case, if anyone does.</summary>
    public string? HolderOf(string reference) => _cases.FindById(reference) is { } d ? NullableString(d["agentName"]) : null;

    public HeldCase? HeldInThread(string threadId)
        => _cases.Find(Filters.Equal("agentThreadId", threadId, "status", "taken")).Select(Held).FirstOrDefault();

    public Task SetStatusAsync(string reference, string status, int? rating = null)
        => _writer.WriteAsync(db =>
        {
            var cases = db.GetCollection(CollectionName);
            var document = cases.FindById(reference);
            document["status"] = status;
            if (status is "rating" or "closed" && document["endedUtc"].IsNull)
            {
                document["endedUtc"] = _clock.GetUtcNow().UtcDateTime;
            }
            if (rating is { } value)
            {
                document["rating"] = value;
                _index?.Change(db, document["channelId"].AsString, document["conversationId"].AsString, summary => summary with { Rating = value });
            }
            return cases.Update(document);
        });

    /// <summary>Every case opened from a customer's conversation, with its hand-off history, for the supervisors' view.</summary>
    public IReadOnlyList<CaseHistory> ForConversation(string channelId, string conversationId)
        => _cases.Find(Filters.Equal("conversationId", conversationId)).Where(d => d["channelId"].AsString == channelId)
            .Select(d => new CaseHistory(
                ToCase(d),
                d["status"].AsString,
                NullableString(d["agentId"]),
                NullableString(d["agentName"]),
                NullableTime(d["takenUtc"]),
                NullableTime(d["endedUtc"]),
                d["rating"].IsNull ? null : d["rating"].AsInt32,
                d["notes"].IsArray ? d["notes"].AsArray.Select(n => new CaseNote(n["author"].AsString, n["text"].AsString, NullableTime(n["atUtc"]) ?? DateTime.MinValue)).ToList() : [],
                !d["callbackEmail"].IsNull))
            .OrderBy(c => c.Case.OpenedUtc).ToList();

    private static DateTime? NullableTime(BsonValue value) => value.IsDateTime ? DateTime.SpecifyKind(value.AsDateTime, DateTimeKind.Utc) : null;

    private static HeldCase Held(BsonDocument d) => new(ToCase(d), d["status"].AsString, NullableString(d["agentName"]),
        NullableString(d["agentThreadId"]), NullableString(d["agentServiceUrl"]), NullableString(d["agentBotId"]), d["rating"].IsNull ? null : d["rating"].AsInt32);

    public Task<IReadOnlyList<CaseFile>> ListOpenAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<CaseFile> open = _cases.Find(Filters.Equal("status", "open")).Select(ToCase).ToList();
        return Task.FromResult(open);
    }

    private static CaseFile ToCase(BsonDocument d) => new(
        d["_id"].AsString,
        Enum.Parse<CaseReason>(d["reason"].AsString),
        d["channelId"].AsString,
        d["conversationId"].AsString,
        NullableString(d["customerId"]),
        d["locale"].AsString,
        DateTime.SpecifyKind(d["openedUtc"].AsDateTime, DateTimeKind.Utc),
        NullableString(d["disruptionKind"]),
        NullableString(d["bookingReference"]),
        NullableString(d["lastName"]),
        NullableString(d["flightNumber"]),
        NullableString(d["summary"]),
        NullableString(d["customerServiceUrl"]),
        NullableString(d["customerBotId"]));

    private static string? NullableString(BsonValue value) => value.IsNull ? null : value.AsString;
}
