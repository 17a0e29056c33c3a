namespace CustomerCare.Bot.Storage;

/// <summary>
/// A write refused before it started because the disk holding the data file is nearly full: refused whole, at once,
/// so nothing is half written and LiteDB never meets the full disk itself.
/// </summary>
public sealed class StoreFullException(long freeBytes, long minimumBytes)
    : IOException($"The data file's disk has {freeBytes / (1024 * 1024)} MB free, under the {minimumBytes / (1024 * 1024)} MB kept in reserve (Storage:MinFreeDiskMegabytes): writes are refused until space returns.")
{
    public long FreeBytes { get; } = freeBytes;
}
