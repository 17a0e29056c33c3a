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
    private readonly List<(Activity Activity, long Bytes, int Position)> _recent = [];
    private readonly List<Channel<ActivitySet>> _listeners = [];
    private readonly Lock _gate = new();
    private int _last;
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
            var position = ++_last;
            activity.Id = $"{Id}|{position.ToString("D7", CultureInfo.InvariantCulture)}";
            Keep(activity, position);
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
            var found = index >= 0 || PositionOf(activityId) < FirstInMemory;
            if (found)
            {
                activity.Id = activityId;
                if (index >= 0)
                {
                    var bytes = SizeOf(activity);
                    _bytes += bytes - _recent[index].Bytes;
                    _recent[index] = (activity, bytes, _recent[index].Position);
                }
                Publish(activity, _last);
            }
            return found;
        }
    }

    public bool Contains(string activityId)
    {
        lock (_gate)
        {
            return _recent.Exists(kept => kept.Activity.Id == activityId) || PositionOf(activityId) < FirstInMemory;
        }
    }

    /// <summary>The activities after the watermark (all of them for null or an unreadable one) that memory holds, and which are missing.</summary>
    public ConversationRead Read(string? watermark)
    {
        lock (_gate)
        {
            LastUsed = clock.GetUtcNow();
            var from = int.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? Math.Clamp(position, 0, _last) : 0;
            var recent = _recent.Where(kept => kept.Position > from).Select(kept => kept.Activity).ToList();
            return new ConversationRead(from, Math.Max(from, FirstInMemory - 1), new ActivitySet(recent, _last.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The position of the oldest activity memory holds; past the last one when it holds none.</summary>
    private int FirstInMemory => _recent.Count > 0 ? _recent[0].Position : _last + 1;

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

    /// <summary>
    /// Takes over the stream recorded before a restart (updates merged), each activity at the position its id gives,
    /// in that order; memory keeps the newest, and the next activity comes after the last recorded one.
    /// </summary>
    internal void Restore(IEnumerable<Activity> recorded)
    {
        lock (_gate)
        {
            foreach (var (activity, position) in Positioned(Id, TranscriptMerge.Merge(recorded)))
            {
                _last = position;
                Keep(activity, position);
            }
        }
    }

    /// <summary>The recorded activities of conversation <paramref name="id"/> that carry a position it gave, in position order.</summary>
    public static IEnumerable<(Activity Activity, int Position)> Positioned(string id, IEnumerable<Activity> recorded)
        => recorded.Select(a => (Activity: a, Position: a.Id is { } activityId ? PositionIn(id, activityId) : null))
            .Where(p => p.Position is not null)
            .Select(p => (p.Activity, p.Position!.Value))
            .DistinctBy(p => p.Item2)
            .OrderBy(p => p.Item2);

    private void Keep(Activity activity, int position)
    {
        var bytes = SizeOf(activity);
        _recent.Add((activity, bytes, position));
        _bytes += bytes;
        // The newest activity always stays, however large: a reply must reach the listeners and the next read.
        while (_recent.Count > 1 && (_recent.Count > limits.MaxActivities || _bytes > limits.MaxBytes))
        {
            _bytes -= _recent[0].Bytes;
            _recent.RemoveAt(0);
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

    private int? PositionOf(string activityId) => PositionIn(Id, activityId);

    /// <summary>The position in an id conversation <paramref name="id"/> gave ("{conversation}|0000042"), or null.</summary>
    private static int? PositionIn(string id, string activityId)
        => activityId.Length > id.Length + 1 && activityId.StartsWith(id, StringComparison.Ordinal) && activityId[id.Length] == '|'
            && int.TryParse(activityId.AsSpan(id.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position > 0
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
