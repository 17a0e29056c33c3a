using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// The data file opened for this process alone (the file handles are exclusive, so a second process cannot open it),
/// with the one operation LiteDB does not offer: <see cref="MakeDurable"/>, which syncs the log file to disk. LiteDB
/// (pinned at 5.0.21) writes a transaction's pages into the log file in Commit itself, on the committing thread, and
/// syncs the data file during a checkpoint before it empties the log; so once Commit has returned the write survives
/// the process being killed, and once <see cref="MakeDurable"/> has returned it survives the machine failing. Both
/// rest on LiteDB's public constructor taking the two streams; tests check them (LiteDbDurabilityTests).
/// </summary>
public sealed class LiteDbFile : IDisposable
{
    private readonly FileStream? _data;
    private readonly DeferredSyncStream? _log;

    private LiteDbFile(LiteDatabase database, FileStream? data, DeferredSyncStream? log, DiskReserve reserve)
    {
        Database = database;
        _data = data;
        _log = log;
        Reserve = reserve;
    }

    public LiteDatabase Database { get; }

    /// <summary>The free space the writer keeps on this file's disk.</summary>
    public DiskReserve Reserve { get; }

    /// <summary>
    /// Set once LiteDB has closed its engine: after an I/O error or an inconsistency it detects in its own state (its
    /// error 999), every later call fails the same way until the file is opened again, so only a restart recovers.
    /// </summary>
    public Exception? EngineClosedBy { get; private set; }

    /// <summary>Raised once, when the engine is found closed.</summary>
    public event Action<Exception>? EngineClosed;

    /// <summary>Notes a failure of a write; one that closed LiteDB's engine marks the file as needing a restart.</summary>
    internal void NoteFailure(Exception failure)
    {
        if (failure is StoreFullException || !(failure is IOException || failure is LiteException { ErrorCode: LiteException.INVALID_DATAFILE_STATE }))
        {
            return;
        }
        if (EngineClosedBy is null)
        {
            EngineClosedBy = failure;
            EngineClosed?.Invoke(failure);
        }
    }

    /// <summary>Bytes LiteDB has written into the log file since it was opened.</summary>
    internal long LogBytesWritten => _log?.BytesWritten ?? 0;

    public static LiteDbFile Open(string path, long minFreeDiskBytes = 0)
    {
        var mapper = new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false };
        if (path == ":memory:")
        {
            return UtcDates(new LiteDbFile(new LiteDatabase(new ConnectionString { Filename = path }, mapper), null, null, DiskReserve.None));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var data = Exclusive(path);
        var log = new DeferredSyncStream(Exclusive(Path.ChangeExtension(path, null) + "-log" + Path.GetExtension(path)));
        return UtcDates(new LiteDbFile(new LiteDatabase(data, mapper, log), data, log, new DiskReserve(Path.GetDirectoryName(path)!, minFreeDiskBytes)));
    }

    /// <summary>Every collection the bot keeps: created when the file is opened (see <see cref="CreateCollections"/>).</summary>
    internal static readonly string[] Collections =
    [
        "state", "ledger", "entitlements", "ledgerRefusals", "ledgerFormat", "approvals", "cases", "conversations", "reviews",
        "transcriptAccess", "transcripts", "transcriptTerms", "bookings", "flights", "teamsInstallations", "settings", "payouts",
    ];

    /// <summary>Dates come back as stored, in UTC, whatever the server's time zone (LiteDB's default is local time).</summary>
    private static LiteDbFile UtcDates(LiteDbFile file)
    {
        file.Database.UtcDate = true;
        CreateCollections(file.Database);
        return file;
    }

    /// <summary>
    /// Creates the collections that do not exist yet, before anything reads them. LiteDB 5.0.21 fails a read of a
    /// collection another transaction is creating at that moment ("page type must be collection page", LiteDB issue
    /// #2792), and then closes the whole engine; a collection created here, before the bot runs, is never created
    /// while it is read.
    /// </summary>
    private static void CreateCollections(LiteDatabase database)
    {
        const string Placeholder = "\u0001created";
        var missing = Collections.Where(name => !database.CollectionExists(name)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        database.BeginTrans();
        foreach (var collection in missing.Select(name => database.GetCollection(name)))
        {
            collection.Insert(new BsonDocument { ["_id"] = Placeholder });
            collection.Delete(Placeholder);
        }
        database.Commit();
    }

    /// <summary>Returns once everything committed so far is on disk.</summary>
    public void MakeDurable() => _log?.SyncToDisk();

    public void Dispose()
    {
        Database.Dispose();
        _log?.Dispose();
        _data?.Dispose();
    }

    /// <summary>
    /// Closes the files as a killed process leaves them: no checkpoint, nothing more written (the streams do not
    /// buffer, so what LiteDB wrote is with the operating system already). For tests of what survives.
    /// </summary>
    internal void Abandon()
    {
        _log?.Dispose();
        _data?.Dispose();
    }

    /// <summary>Exclusive, and unbuffered: LiteDB writes whole pages, and each write reaches the operating system at once.</summary>
    private static FileStream Exclusive(string path) => new(path, new FileStreamOptions
    {
        Mode = FileMode.OpenOrCreate,
        Access = FileAccess.ReadWrite,
        Share = FileShare.None,
        Options = FileOptions.RandomAccess,
        BufferSize = 0,
    });
}
