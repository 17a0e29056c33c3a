namespace CustomerCare.Bot.Storage;

/// <summary>
/// The LiteDB log file with its flushes made cheap: LiteDB flushes after every burst of page writes, which would
/// cost several fsyncs per commit. Here <see cref="Flush()"/> only hands bytes to the OS, and the group-commit
/// writer calls <see cref="SyncToDisk"/> once per batch before it acknowledges anything.
/// </summary>
public sealed class DeferredSyncStream(FileStream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    /// <summary>Bytes written since the stream was opened.</summary>
    public long BytesWritten => Interlocked.Read(ref _written);

    private long _written;

    public void SyncToDisk() => inner.Flush(flushToDisk: true);

    public override void Flush() => inner.Flush(flushToDisk: false);

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value) => inner.SetLength(value);

    public override void Write(byte[] buffer, int offset, int count)
    {
        inner.Write(buffer, offset, count);
        Interlocked.Add(ref _written, count);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
