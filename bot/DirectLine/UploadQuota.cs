using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// The upload bytes each conversation, and all of them together, may send in a UTC day. Counted in memory: a
/// restart starts the day's count again, which the rate limits on uploads still bound.
/// </summary>
public sealed class UploadQuota(IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _byConversation = new(StringComparer.Ordinal);
    private DateOnly _day;
    private long _total;

    /// <summary>Takes the bytes from today's quotas, or takes nothing and says which quota they would pass.</summary>
    public UploadQuotaOutcome TryTake(string conversationId, long bytes)
    {
        lock (_gate)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            if (today != _day)
            {
                (_day, _total) = (today, 0);
                _byConversation.Clear();
            }
            var used = _byConversation.GetValueOrDefault(conversationId);
            if (used + bytes > options.Value.MaxUploadBytesPerConversationPerDay)
            {
                return UploadQuotaOutcome.ConversationFull;
            }
            if (_total + bytes > options.Value.MaxUploadBytesPerDay)
            {
                return UploadQuotaOutcome.ServiceFull;
            }
            _byConversation[conversationId] = used + bytes;
            _total += bytes;
            return UploadQuotaOutcome.Taken;
        }
    }

    /// <summary>Gives back bytes taken for an upload that was not kept after all (the store could not take it).</summary>
    public void Return(string conversationId, long bytes)
    {
        lock (_gate)
        {
            if (_byConversation.TryGetValue(conversationId, out var used))
            {
                _byConversation[conversationId] = Math.Max(0, used - bytes);
                _total = Math.Max(0, _total - bytes);
            }
        }
    }

    /// <summary>When today's quotas start again.</summary>
    public TimeSpan UntilTomorrow
    {
        get
        {
            var now = clock.GetUtcNow();
            return now.UtcDateTime.Date.AddDays(1) - now.UtcDateTime;
        }
    }
}
