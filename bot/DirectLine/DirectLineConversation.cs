using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using CustomerCare.Schema;

namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// One Direct Line conversation: its activity stream (the watermark is the position in it) and the WebSocket
/// listeners that receive each new activity as it is appended. Memory keeps only the newest activities, within
/// <see cref="DirectLineMemoryLimits"/>; the older ones keep their positions and are read from the transcript.
/// </summary>
public sealed class DirectLineConversation(string id, TimeProvider clock, DirectLineMemoryLimits limits)
{
    private readonly List<(Activity Activity, long Bytes)> _recent = [];
    private readonly List<Channel<ActivitySet>> _listeners = [];
    private readonly Lock _gate = new();
    private int _trimmed;
    private long _bytes;

    public string Id { get; } = id;

    public DateTimeOffset LastUsed { get; private set; } = clock.GetUtcNow();

    public int ListenerCount
    {
        get
        {
            lock (_gate)
            {
                return _listeners.Count;
            }
        }
    }

    /// <summary>How many activities and serialized bytes memory holds for this conversation now.</summary>
    public (int Activities, long Bytes) InMemory
    {
        get
        {
            lock (_gate)
            {
                return (_recent.Count, _bytes);
            }
        }
    }

    /// <summary>Adds an activity to the stream, giving it the next id, and tells every listener.</summary>
    public Activity Append(Activity activity)
    {
        lock (_gate)
        {
            var position = _trimmed + _recent.Count + 1;
            activity.Id = $"{Id}|{position.ToString("D7", CultureInfo.InvariantCulture)}";
            Keep(activity);
            Publish(activity, position);
            return activity;
        }
    }

    /// <summary>
    /// Replaces an activity (an update); listeners receive it again with its id. One that has left memory is
    /// announced all the same: the transcript records the update, and a read from it shows the new version.
    /// </summary>
    public bool Replace(string activityId, Activity activity)
    {
        lock (_gate)
        {
            var index = _recent.FindIndex(kept => kept.Activity.Id == activityId);
            var found = index >= 0 || PositionOf(activityId) <= _trimmed;
            if (found)
            {
                activity.Id = activityId;
                if (index >= 0)
                {
                    var bytes = SizeOf(activity);
                    _bytes += bytes - _recent[index].Bytes;
                    _recent[index] = (activity, bytes);
                }
                Publish(activity, _trimmed + _recent.Count);
            }
            return found;
        }
    }

    public bool Contains(string activityId)
    {
        lock (_gate)
        {
            return _recent.Exists(kept => kept.Activity.Id == activityId) || PositionOf(activityId) <= _trimmed;
        }
    }

    /// <summary>The activities after the watermark (all of them for null or an unreadable one) that memory holds, and which are missing.</summary>
    public ConversationRead Read(string? watermark)
    {
        lock (_gate)
        {
            LastUsed = clock.GetUtcNow();
            var count = _trimmed + _recent.Count;
            var from = int.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? Math.Clamp(position, 0, count) : 0;
            var recent = _recent.Skip(Math.Max(0, from - _trimmed)).Select(kept => kept.Activity).ToList();
            return new ConversationRead(from, Math.Max(from, _trimmed), new ActivitySet(recent, count.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>
    /// What is after the watermark, then each new activity, until the listener is disposed; null when the
    /// conversation already has its most listeners. A listener that falls a whole backlog behind is ended, so it
    /// reconnects from its watermark instead of holding memory for it.
    /// </summary>
    public (ConversationRead Backlog, ChannelReader<ActivitySet> Updates, IDisposable Subscription)? Listen(string? watermark)
    {
        lock (_gate)
        {
            if (_listeners.Count >= limits.MaxListeners)
            {
                return null;
            }
            var channel = Channel.CreateBounded<ActivitySet>(new BoundedChannelOptions(limits.ListenerBacklog) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
            _listeners.Add(channel);
            return (Read(watermark), channel.Reader, new Subscription(this, channel));
        }
    }

    /// <summary>Takes over the stream recorded before a restart (updates merged), keeping its ids; memory keeps the newest.</summary>
    internal void Restore(IEnumerable<Activity> recorded)
    {
        lock (_gate)
        {
            foreach (var activity in TranscriptMerge.Merge(recorded))
            {
                Keep(activity);
            }
        }
    }

    private void Keep(Activity activity)
    {
        var bytes = SizeOf(activity);
        _recent.Add((activity, bytes));
        _bytes += bytes;
        // The newest activity always stays, however large: a reply must reach the listeners and the next read.
        while (_recent.Count > 1 && (_recent.Count > limits.MaxActivities || _bytes > limits.MaxBytes))
        {
            _bytes -= _recent[0].Bytes;
            _recent.RemoveAt(0);
            _trimmed++;
        }
    }

    private void Publish(Activity activity, int watermark)
    {
        LastUsed = clock.GetUtcNow();
        var set = new ActivitySet([activity], watermark.ToString(CultureInfo.InvariantCulture));
        foreach (var listener in _listeners)
        {
            if (!listener.Writer.TryWrite(set))
            {
                listener.Writer.TryComplete(new ListenerFellBehindException());
            }
        }
    }

    /// <summary>The position in an id this conversation gave ("{conversation}|0000042"), or null.</summary>
    private int? PositionOf(string activityId)
        => activityId.Length > Id.Length + 1 && activityId.StartsWith(Id, StringComparison.Ordinal) && activityId[Id.Length] == '|'
            && int.TryParse(activityId.AsSpan(Id.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : null;

    private static long SizeOf(Activity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJsonContext.Default.Activity).LongLength;

    private sealed class Subscription(DirectLineConversation owner, Channel<ActivitySet> channel) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._listeners.Remove(channel);
            }
            channel.Writer.TryComplete();
        }
    }
}
