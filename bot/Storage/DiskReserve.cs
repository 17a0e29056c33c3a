namespace CustomerCare.Bot.Storage;

/// <summary>
/// The free space kept on the data file's disk. LiteDB does not recover from a write the disk refuses: its engine can
/// stay locked, and every later write waits for ever. So a batch is refused before it starts while the disk has less
/// free than the reserve, which is larger than any one batch and checkpoint can write; once space returns, writes go on.
/// </summary>
public sealed class DiskReserve(string directory, long minimumBytes)
{
    public static readonly DiskReserve None = new(string.Empty, 0);

    public long MinimumBytes => minimumBytes;

    /// <summary>Throws <see cref="StoreFullException"/> when the disk has less free than the reserve.</summary>
    public void ThrowIfLow()
    {
        if (minimumBytes <= 0)
        {
            return;
        }
        // statvfs of the directory: one system call, cheap beside the write it guards.
        var free = new DriveInfo(directory).AvailableFreeSpace;
        if (free < minimumBytes)
        {
            throw new StoreFullException(free, minimumBytes);
        }
    }
}
