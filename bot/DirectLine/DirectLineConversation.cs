using System.Globalization;
using System.Threading.Channels;
using CustomerCare.Schema;

namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// One Direct Line conversation: its activity stream (the watermark is the position in it) and the
/// WebSocket listeners that receive each new activity as it is appended.
/// </summary>
public sealed class DirectLineConversation(string id, TimeProvider clock)
{
    private readonly List<Activity> _activities = [];
    private readonly List<Channel<ActivitySet>> _listeners = [];
    private readonly Lock _gate = new();

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

    /// <summary>Adds an activity to the stream, giving it the next id, and tells every listener.</summary>
    public Activity Append(Activity activity)
    {
        lock (_gate)
        {
            var position = _activities.Count + 1;
            activity.Id = $"{Id}|{position.ToString("D7", CultureInfo.InvariantCulture)}";
            _activities.Add(activity);
            Publish(activity, position);
            return activity;
        }
    }

    /// <summary>Replaces an activity (an update); listeners receive it again with its id.</summary>
    public bool Replace(string activityId, Activity activity)
    {
        lock (_gate)
        {
            var index = _activities.FindIndex(a => a.Id == activityId);
            if (index < 0)
            {
                return false;
            }
            activity.Id = activityId;
            _activities[index] = activity;
            Publish(activity, _activities.Count);
            return true;
        }
    }

    public bool Contains(string activityId)
    {
        lock (_gate)
        {
            return _activities.Exists(a => a.Id == activityId);
        }
    }

    /// <summary>The activities after the watermark (all of them for null or an unreadable one).</summary>
    public ActivitySet Since(string? watermark)
    {
        lock (_gate)
        {
            LastUsed = clock.GetUtcNow();
            var from = int.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                ? Math.Clamp(position, 0, _activities.Count)
                : 0;
            return new ActivitySet(_activities.GetRange(from, _activities.Count - from), _activities.Count.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Everything after the watermark, then each new activity, until the listener is disposed.</summary>
    public (ActivitySet Backlog, ChannelReader<ActivitySet> Updates, IDisposable Subscription) Listen(string? watermark)
    {
        lock (_gate)
        {
            var channel = Channel.CreateUnbounded<ActivitySet>(new UnboundedChannelOptions { SingleReader = true });
            _listeners.Add(channel);
            return (Since(watermark), channel.Reader, new Subscription(this, channel));
        }
    }

    /// <summary>Loads activities recorded before a restart, keeping their ids.</summary>
    internal void Restore(IEnumerable<Activity> activities)
    {
        lock (_gate)
        {
            foreach (var activity in activities)
            {
                var index = activity.Id is null ? -1 : _activities.FindIndex(a => a.Id == activity.Id);
                if (activity.IsType(ActivityTypes.MessageUpdate) && index >= 0)
                {
                    activity.Type = ActivityTypes.Message;
                    _activities[index] = activity;
                }
                else if (index < 0)
                {
                    _activities.Add(activity);
                }
            }
        }
    }

    private void Publish(Activity activity, int watermark)
    {
        LastUsed = clock.GetUtcNow();
        var set = new ActivitySet([activity], watermark.ToString(CultureInfo.InvariantCulture));
        foreach (var listener in _listeners)
        {
            listener.Writer.TryWrite(set);
        }
    }

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
