using System.Reflection;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// The data file opened for this process alone (the file handles are exclusive, so a second process cannot
/// open it), with the one operation LiteDB 5.0 does not offer: <see cref="MakeDurable"/>, which waits until the
/// committed pages have reached the log file and syncs it. LiteDB's Commit only queues the pages for its
/// background writer, so a process killed right after Commit could otherwise lose an acknowledged write.
/// </summary>
public sealed class LiteDbFile : IDisposable
{
    private readonly FileStream? _data;
    private readonly DeferredSyncStream? _log;
    private readonly Action _waitForLogWriter;

    private LiteDbFile(LiteDatabase database, FileStream? data, DeferredSyncStream? log)
    {
        Database = database;
        _data = data;
        _log = log;
        _waitForLogWriter = LogWriterWait(database);
    }

    public LiteDatabase Database { get; }

    public static LiteDbFile Open(string path)
    {
        LimitCacheGrowth();
        var mapper = new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false };
        if (path == ":memory:")
        {
            return UtcDates(new LiteDbFile(new LiteDatabase(new ConnectionString { Filename = path }, mapper), null, null));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var data = Exclusive(path);
        var log = new DeferredSyncStream(Exclusive(Path.ChangeExtension(path, null) + "-log" + Path.GetExtension(path)));
        return UtcDates(new LiteDbFile(new LiteDatabase(data, mapper, log), data, log));
    }

    /// <summary>Dates come back as stored, in UTC, whatever the server's time zone (LiteDB's default is local time).</summary>
    private static LiteDbFile UtcDates(LiteDbFile file)
    {
        file.Database.UtcDate = true;
        return file;
    }

    /// <summary>Returns once everything committed so far is in the log file: it survives the process being killed.</summary>
    public void WaitForLogWriter()
    {
        if (_log is not null)
        {
            _waitForLogWriter();
        }
    }

    /// <summary>Returns once everything committed so far is on disk.</summary>
    public void MakeDurable()
    {
        if (_log is null)
        {
            return;
        }
        _waitForLogWriter();
        _log.SyncToDisk();
    }

    public void Dispose()
    {
        Database.Dispose();
        _log?.Dispose();
        _data?.Dispose();
    }

    private static FileStream Exclusive(string path) => new(path, new FileStreamOptions
    {
        Mode = FileMode.OpenOrCreate,
        Access = FileAccess.ReadWrite,
        Share = FileShare.None,
        Options = FileOptions.RandomAccess,
    });

    /// <summary>
    /// LiteDB's page cache grows by segments of up to 1,000 pages (8 MB of large-object heap each) and reuses pages only
    /// once more than a segment's worth lie idle, so a busy bot kept 15–30 MB of cached pages. Segments of at most
    /// 250 pages (2 MB) keep it to a few MB: the idle pages are reused sooner, and the data file's pages are in the
    /// operating system's cache anyway. Internal to the pinned LiteDB 5.0.20 (Constants.MEMORY_SEGMENT_SIZES), checked by a test.
    /// </summary>
    internal static readonly int[] CacheSegmentPages = [12, 50, 100, 250];

    private static void LimitCacheGrowth()
        => typeof(LiteDatabase).Assembly.GetType("LiteDB.Constants", throwOnError: true)!
            .GetField("MEMORY_SEGMENT_SIZES", BindingFlags.Static | BindingFlags.Public)!
            .SetValue(null, CacheSegmentPages);

    /// <summary>LiteDatabase._engine._disk.Queue.Value.Wait() of the pinned LiteDB 5.0.20, checked by a test.</summary>
    private static Action LogWriterWait(LiteDatabase database)
    {
        const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        var engine = typeof(LiteDatabase).GetField("_engine", Private)!.GetValue(database)!;
        var disk = engine.GetType().GetField("_disk", Private)!.GetValue(engine)!;
        var lazyQueue = disk.GetType().GetField("_queue", Private)!.GetValue(disk)!;
        var queue = lazyQueue.GetType().GetProperty("Value")!.GetValue(lazyQueue)!;
        var wait = queue.GetType().GetMethod("Wait", Private, Type.EmptyTypes)!;
        return () => wait.Invoke(queue, null);
    }
}
