namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// What one Direct Line conversation keeps in memory: its newest activities (by count and by serialized bytes; older
/// ones are read back from the transcript), its listeners, and how far one listener may fall behind.
/// </summary>
public sealed record DirectLineMemoryLimits(int MaxActivities, long MaxBytes, int MaxListeners, int ListenerBacklog)
{
    public static DirectLineMemoryLimits From(DirectLineOptions options)
        => new(options.MaxActivitiesInMemory, options.MaxBytesInMemory, options.MaxListenersPerConversation, options.ListenerBacklog);
}
