using CustomerCare.Schema;

namespace CustomerCare.Builder;

public delegate Task<ResourceResponse[]> SendActivitiesHandler(
    ITurnContext turnContext, IReadOnlyList<Activity> activities, Func<Task<ResourceResponse[]>> next);

public delegate Task<ResourceResponse> UpdateActivityHandler(
    ITurnContext turnContext, Activity activity, Func<Task<ResourceResponse>> next);

/// <summary>Everything one turn can see and do: the incoming activity, replies, and per-turn services.</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>True once the bot has sent anything during this turn.</summary>
    bool Responded { get; }

    TurnServices Services { get; }

    /// <summary>Set by the bot to answer an invoke; returned to the channel in the HTTP body.</summary>
    InvokeResponse? InvokeResponse { get; set; }

    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken);

    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken);

    ITurnContext OnSendActivities(SendActivitiesHandler handler);

    ITurnContext OnUpdateActivity(UpdateActivityHandler handler);
}
