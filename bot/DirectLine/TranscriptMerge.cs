using CustomerCare.Schema;

namespace CustomerCare.Bot.DirectLine;

/// <summary>A conversation's stream as its transcript recorded it: each update replaces the activity it updates.</summary>
public static class TranscriptMerge
{
    public static List<Activity> Merge(IEnumerable<Activity> recorded)
    {
        var stream = new List<Activity>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var activity in recorded)
        {
            var known = activity.Id is { } id && positions.ContainsKey(id);
            if (activity.IsType(ActivityTypes.MessageUpdate) && known)
            {
                activity.Type = ActivityTypes.Message;
                stream[positions[activity.Id!]] = activity;
            }
            else if (!known)
            {
                if (activity.Id is { } newId)
                {
                    positions[newId] = stream.Count;
                }
                stream.Add(activity);
            }
        }
        return stream;
    }
}
