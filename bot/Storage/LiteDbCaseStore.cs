using CustomerCare.Builder;
using System.Collections.Concurrent;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Cases;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>Cases in LiteDB, keyed by their reference. Every change runs on the group-commit writer, so takes and moves are atomic.</summary>
public sealed class LiteDbCaseStore : ICaseStore
{
    internal const string CollectionName = "cases";
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
                .Select(d => ConversationKey.Of(d["c"].AsString, d["v"].AsString))
                // A conversation may hold several cases (a bag claim, then "talk to a person"): one entry each.
                .Distinct(StringComparer.Ordinal)
                .Select(key => KeyValuePair.Create(key, true)),
            StringComparer.Ordinal));
    }

    /// <summary>
    /// False only when the conversation has never had a case, which is most customer turns: answered from memory, so
    /// the per-turn check for a held case costs no query. Cases are only opened here, and this one process owns the file.
    /// </summary>
    private bool MayHaveCases(string channelId, string conversationId)
        => _conversationsWithCases.Value.ContainsKey(ConversationKey.Of(channelId, conversationId));

    public Task<CaseFile> OpenAsync(CaseFile caseFile, CancellationToken cancellationToken)
    {
        // Noted before the write, so a turn running meanwhile looks the case up rather than missing it.
        _conversationsWithCases.Value[ConversationKey.Of(caseFile.ChannelId, caseFile.ConversationId)] = true;
        return _writer.WriteAsync(db =>
        {
            // References are random: a repeat gets a fresh one rather than failing the batch it is written in.
            while (db.GetCollection(CollectionName).FindById(caseFile.Reference) is not null)
            {
                caseFile = caseFile with { Reference = CaseReferences.New() };
            }
            _index?.Change(db, caseFile.ChannelId, caseFile.ConversationId, summary => CaseSummaries.Opened(summary, caseFile));
            db.GetCollection(CollectionName).Insert(CaseDocuments.ToDocument(caseFile));
            return caseFile;
        });
    }

    public Task<CaseFile?> FindAsync(string reference, CancellationToken cancellationToken)
        => Task.FromResult(_cases.FindById(reference) is { } document ? CaseDocuments.ToCase(document) : null);

    public Task<HeldCase?> FindHeldAsync(string reference, CancellationToken cancellationToken)
        => Task.FromResult(_cases.FindById(reference) is { } document ? CaseDocuments.Held(document) : null);

    public Task<CaseClaim> TryTakeAsync(string reference, string agentId, string agentName, CancellationToken cancellationToken)
        => _writer.WriteAsync(db =>
        {
            var cases = db.GetCollection(CollectionName);
            if (cases.FindById(reference) is not { } document)
            {
                return CaseClaim.Missing;
            }
            if (CaseDocuments.StatusOf(document) == CaseStatus.Open)
            {
                document["status"] = CaseDocuments.Name(CaseStatus.Taken);
                document["agentId"] = agentId;
                document["agentName"] = agentName;
                document["takenUtc"] = _clock.GetUtcNow().UtcDateTime;
                cases.Update(document);
                _index?.Change(db, document["channelId"].AsString, document["conversationId"].AsString, summary => CaseSummaries.HeldBy(summary, agentName));
                return new CaseClaim(true, true, agentId, agentName, Newly: true);
            }
            var holder = CaseDocuments.NullableString(document["agentId"]);
            return new CaseClaim(true, holder == agentId, holder, CaseDocuments.NullableString(document["agentName"]));
        });

    public Task<CaseClaim> TryTakeOverAsync(string reference, string agentId, string agentName, CancellationToken cancellationToken)
        => _writer.WriteAsync(db =>
        {
            var cases = db.GetCollection(CollectionName);
            if (cases.FindById(reference) is not { } document)
            {
                return CaseClaim.Missing;
            }
            var holder = CaseDocuments.NullableString(document["agentId"]);
            var holderName = CaseDocuments.NullableString(document["agentName"]);
            if (CaseDocuments.StatusOf(document) != CaseStatus.Taken || holder == agentId)
            {
                return new CaseClaim(true, holder == agentId, holder, holderName);
            }
            var handovers = document["handovers"].IsArray ? document["handovers"].AsArray : new BsonArray();
            handovers.Add(new BsonDocument
            {
                ["fromId"] = holder,
                ["fromName"] = holderName,
                ["toId"] = agentId,
                ["toName"] = agentName,
                ["atUtc"] = _clock.GetUtcNow().UtcDateTime,
            });
            document["handovers"] = handovers;
            document["agentId"] = agentId;
            document["agentName"] = agentName;
            cases.Update(document);
            _index?.Change(db, document["channelId"].AsString, document["conversationId"].AsString, summary => CaseSummaries.HeldBy(summary, agentName));
            return new CaseClaim(true, true, agentId, agentName, Newly: true, PreviousAgentName: holderName);
        });

    public Task<bool> TryMoveAsync(string reference, CaseStatus to, int? rating, CancellationToken cancellationToken)
        => _writer.WriteAsync(db =>
        {
            var cases = db.GetCollection(CollectionName);
            if (cases.FindById(reference) is not { } document || !CaseTransitions.Allows(CaseDocuments.StatusOf(document), to))
            {
                return false;
            }
            document["status"] = CaseDocuments.Name(to);
            if (to is CaseStatus.Rating or CaseStatus.Closed && document["endedUtc"].IsNull)
            {
                document["endedUtc"] = _clock.GetUtcNow().UtcDateTime;
            }
            if (rating is { } value)
            {
                document["rating"] = value;
                _index?.Change(db, document["channelId"].AsString, document["conversationId"].AsString, summary => CaseSummaries.Rated(summary, value));
            }
            return cases.Update(document);
        });

    public Task AttachAgentThreadAsync(string reference, AgentThread thread, CancellationToken cancellationToken)
        => Change(reference, document =>
        {
            document["agentThreadId"] = thread.ThreadId;
            document["agentCardActivityId"] = thread.CardActivityId;
            document["agentServiceUrl"] = thread.ServiceUrl;
            document["agentBotId"] = thread.BotId;
        });

    public Task AddNoteAsync(string reference, string author, string text, DateTime atUtc, CancellationToken cancellationToken)
        => Change(reference, document =>
        {
            var notes = document["notes"].IsArray ? document["notes"].AsArray : new BsonArray();
            notes.Add(new BsonDocument { ["author"] = author, ["text"] = text, ["atUtc"] = atUtc });
            document["notes"] = notes;
        });

    public Task SetCallbackEmailAsync(string reference, string email, CancellationToken cancellationToken)
        => Change(reference, document => document["callbackEmail"] = email);

    public Task<bool> TryMarkWaitNoticeAsync(string reference, CancellationToken cancellationToken)
        => _writer.WriteAsync(db =>
        {
            var cases = db.GetCollection(CollectionName);
            var document = cases.FindById(reference);
            if (document is null || document["waitNoticeSent"].IsBoolean)
            {
                return false;
            }
            document["waitNoticeSent"] = true;
            return cases.Update(document);
        });

    public Task<HeldCase?> HeldForCustomerAsync(string channelId, string conversationId, CancellationToken cancellationToken)
        => Task.FromResult(!MayHaveCases(channelId, conversationId) ? null : _cases
            .Find(Filters.EqualAndIn("conversationId", conversationId, "status", CaseDocuments.Name(CaseStatus.Taken), CaseDocuments.Name(CaseStatus.Rating)))
            .Where(d => d["channelId"].AsString == channelId).Select(CaseDocuments.Held).FirstOrDefault());

    public Task<HeldCase?> InThreadAsync(string threadId, CancellationToken cancellationToken)
        => Task.FromResult(_cases.Find(Filters.Equal("agentThreadId", threadId)).Select(CaseDocuments.Held).FirstOrDefault());

    public Task<CaseFile?> OpenForCustomerAsync(string channelId, string conversationId, CancellationToken cancellationToken)
        => Task.FromResult(!MayHaveCases(channelId, conversationId) ? null : _cases.Find(Filters.Equal("conversationId", conversationId, "status", CaseDocuments.Name(CaseStatus.Open)))
            .Where(d => d["channelId"].AsString == channelId).Select(CaseDocuments.ToCase).LastOrDefault());

    public Task<IReadOnlyList<CaseFile>> WaitingSinceAsync(DateTime cutoffUtc, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<CaseFile>>(_cases.Find(Filters.EqualAndBefore("status", CaseDocuments.Name(CaseStatus.Open), "openedUtc", cutoffUtc))
            .Where(d => !d["waitNoticeSent"].IsBoolean).Select(CaseDocuments.ToCase).ToList());

    public Task<IReadOnlyList<CaseHistory>> ForConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<CaseHistory>>(_cases.Find(Filters.Equal("conversationId", conversationId)).Where(d => d["channelId"].AsString == channelId)
            .Select(CaseDocuments.History).OrderBy(c => c.Case.OpenedUtc).ToList());

    public Task<IReadOnlyList<CaseFile>> ListOpenAsync(CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<CaseFile>>(_cases.Find(Filters.Equal("status", CaseDocuments.Name(CaseStatus.Open))).Select(CaseDocuments.ToCase).ToList());

    private Task Change(string reference, Action<BsonDocument> change)
        => _writer.WriteAsync(db =>
        {
            var cases = db.GetCollection(CollectionName);
            if (cases.FindById(reference) is not { } document)
            {
                return false;
            }
            change(document);
            return cases.Update(document);
        });
}
