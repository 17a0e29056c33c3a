using System.Text.Json;
using CustomerCare.Builder;
using CustomerCare.Schema;
using IMiddleware = CustomerCare.Builder.IMiddleware;

namespace CustomerCare.Bot.Transcripts;

/// <summary>
/// Logs every activity in and out with the SDK's transcript semantics: the incoming activity first (role user
/// when missing), outgoing ones after they were sent (with their ids), updates as messageUpdate.
/// </summary>
public sealed class TranscriptLoggerMiddleware(TranscriptLog log) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var incoming = turnContext.Activity;
        if (incoming.From is { Role: null } from)
        {
            from.Role = RoleTypes.User;
        }
        await LogAsync(incoming, cancellationToken).ConfigureAwait(false);

        turnContext.OnSendActivities(async (context, activities, sendNext) =>
        {
            var responses = await sendNext().ConfigureAwait(false);
            foreach (var activity in activities)
            {
                if (!activity.IsType(ActivityTypes.InvokeResponse))
                {
                    await LogAsync(activity, CancellationToken.None).ConfigureAwait(false);
                }
            }
            return responses;
        });
        turnContext.OnUpdateActivity(async (context, activity, updateNext) =>
        {
            var response = await updateNext().ConfigureAwait(false);
            var json = JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);
            var update = JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!;
            update.Type = ActivityTypes.MessageUpdate;
            await LogAsync(update, CancellationToken.None).ConfigureAwait(false);
            return response;
        });

        await next(cancellationToken).ConfigureAwait(false);
    }

    private async Task LogAsync(Activity activity, CancellationToken cancellationToken) => await log.AppendAsync(activity, cancellationToken).ConfigureAwait(false);
}
