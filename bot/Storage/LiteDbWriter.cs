using System.Collections.Concurrent;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// Group commit for the data file: writes from concurrent turns are queued and applied by one drainer at a time,
/// many to a transaction, so a busy bot pays one disk sync per batch instead of several per write. A caller's task
/// completes only after its batch is durable. Transactions never span an await: BeginTrans, the writes and Commit
/// run synchronously on one thread (LiteDB binds explicit transactions to their thread).
/// </summary>
public sealed class LiteDbWriter : IDisposable
{
    private const int MaxBatch = 512;
    private readonly LiteDbFile _file;
    private readonly LiteDatabase _database;
    private readonly ConcurrentQueue<IWrite> _queue = new();
    private readonly Lock _draining = new();
    private int _scheduled;
    private volatile bool _closed;

    public LiteDbWriter(LiteDbFile file)
    {
        _file = file;
        _database = file.Database;
    }

    /// <summary>Raised on the writer's thread after a batch is committed (caches of written data may take its changes).</summary>
    public event Action? Committed;

    /// <summary>Raised on the writer's thread when a batch failed and was rolled back (changes noted for it must be dropped).</summary>
    public event Action? RolledBack;

    /// <summary>Runs <paramref name="write"/> inside the next batch's transaction; completes after that batch is durable.</summary>
    /// <param name="synced">True (the default): acknowledged once synced to disk. False: once in the log file, which
    /// survives a killed process but not a power cut — for conversation state and transcripts.</param>
    public Task<T> WriteAsync<T>(Func<LiteDatabase, T> write, bool synced = true)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        var item = new Write<T>(write, synced);
        _queue.Enqueue(item);
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static writer => writer.Drain(), this, preferLocal: false);
        }
        return item.Completion.Task;
    }

    /// <summary>Waits for queued writes, then refuses new ones.</summary>
    public void Dispose()
    {
        _closed = true;
        Drain();
    }

    /// <summary>Commits batches until the queue is empty. No thread sits waiting (or spinning) when there is nothing to write.</summary>
    private void Drain()
    {
        lock (_draining)
        {
            var batch = new List<IWrite>(MaxBatch);
            while (true)
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
                {
                    batch.Add(next);
                }
                if (batch.Count > 0)
                {
                    Commit(batch);
                    continue;
                }
                Volatile.Write(ref _scheduled, 0);
                if (_queue.IsEmpty || Interlocked.CompareExchange(ref _scheduled, 1, 0) != 0)
                {
                    return;
                }
            }
        }
    }
    private void Commit(List<IWrite> batch)
    {
        try
        {
            _file.Reserve.ThrowIfLow();
        }
        catch (StoreFullException full)
        {
            batch.ForEach(w => w.Fail(full));
            return;
        }
        try
        {
            _database.BeginTrans();
            foreach (var write in batch)
            {
                write.Apply(_database);
                // LiteDB rolls the transaction back itself when a write fails inside it, even where that write caught the
                // error. BeginTrans does nothing inside a transaction: true means the batch's had ended, and the writes
                // after it would each commit on their own.
                if (_database.BeginTrans())
                {
                    throw new InvalidOperationException(LostTransaction);
                }
            }
            if (!_database.Commit())
            {
                throw new InvalidOperationException(LostTransaction);
            }
            Committed?.Invoke();
            // Commit has written the pages into the log file; synced writes wait for it to reach the disk as well.
            if (batch.Exists(w => w.Synced))
            {
                _file.MakeDurable();
            }
            batch.ForEach(w => w.Complete());
        }
        catch (Exception ex)
        {
            _file.NoteFailure(ex);
            try
            {
                _database.Rollback();
            }
            catch (Exception rollback) when (rollback is LiteDB.LiteException or IOException or ObjectDisposedException)
            {
                _file.NoteFailure(rollback);
                // LiteDB closes its engine after an I/O error or an inconsistency it detects: nothing can be rolled back,
                // and the writes are failed with the cause rather than the writer's thread taking the process down.
            }
            RolledBack?.Invoke();
            if (batch.Count > 1 && (ex is LiteException { ErrorCode: LiteException.INDEX_DUPLICATE_KEY or LiteException.INVALID_INDEX_KEY or LiteException.DOCUMENT_MAX_DEPTH
                or LiteException.INVALID_DATA_TYPE or LiteException.INVALID_NULL_CHAR_STRING } || ex.Message == LostTransaction))
            {
                // LiteDB refused one write's content (an index key too long, a duplicate key, a document too deep): it costs
                // only that write, and the others are committed again, each on its own. Anything else (an I/O error, a
                // closed engine) fails the whole batch at once.
                foreach (var write in batch)
                {
                    Commit([write]);
                }
                return;
            }
            batch.ForEach(w => w.Fail(ex));
        }
    }

    private const string LostTransaction = "A write of the batch failed inside LiteDB, which ended the batch's transaction: none of the batch was written.";

    private interface IWrite
    {
        bool Synced { get; }

        void Apply(LiteDatabase database);

        void Complete();

        void Fail(Exception exception);
    }

    /// <summary>One queued write; an expected failure of its own (an ETag conflict) fails it alone, not the batch.</summary>
    private sealed class Write<T>(Func<LiteDatabase, T> write, bool synced) : IWrite
    {
        public bool Synced => synced;

        private T? _result;
        private Exception? _error;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Apply(LiteDatabase database)
        {
            try
            {
                _result = write(database);
            }
            catch (Exception ex) when (ex is not LiteException)
            {
                _error = ex;
            }
        }

        public void Complete()
        {
            if (_error is null)
            {
                Completion.TrySetResult(_result!);
            }
            else
            {
                Completion.TrySetException(_error);
            }
        }

        public void Fail(Exception exception) => Completion.TrySetException(exception);
    }
}
