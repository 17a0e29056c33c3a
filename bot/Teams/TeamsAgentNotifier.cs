using System.Text.Json;
using CustomerCare.Bot.Connector;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Cases;
using CustomerCare.Ledger;
using CustomerCare.Schema;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Teams;

/// <summary>Posts each new case as a new thread in the agents' Teams channel, with the hand-off card.</summary>
public sealed partial class TeamsAgentNotifier(
    IOptions<TeamsOptions> options,
    ITeamsInstallations installations,
    ConnectorClientFactory connectors,
    ITranscriptStore transcripts,
    ICaseStore cases,
    CaseClaims claims,
    AgentHours hours,
    ILogger<TeamsAgentNotifier> logger) : IAgentNotifier
{
    public async Task<bool> NotifyAsync(CaseFile caseFile, CancellationToken cancellationToken)
    {
        if (options.Value.AgentChannelId is not { Length: > 0 } channelId || await installations.FindAsync(channelId, cancellationToken).ConfigureAwait(false) is not { } installation)
        {
            LogNoAgentChannel(logger, caseFile.Reference);
            await cases.TryMarkWaitNoticeAsync(caseFile.Reference, cancellationToken).ConfigureAwait(false);
            return false;
        }
        var card = await CardAsync(caseFile, null, null, cancellationToken).ConfigureAwait(false);
        var activity = MessageWithCard(card);
        try
        {
            var thread = await connectors.Create(installation.ServiceUrl).CreateConversationAsync(new ConversationParameters
            {
                IsGroup = true,
                Bot = new ChannelAccount { Id = installation.BotId, Name = installation.BotName },
                TenantId = installation.TenantId,
                Activity = activity,
                ChannelData = JsonSerializer.SerializeToElement(new { channel = new { id = channelId }, tenant = new { id = installation.TenantId } }),
            }, cancellationToken).ConfigureAwait(false);
            if (thread.Id is { } threadId)
            {
                await cases.AttachAgentThreadAsync(caseFile.Reference, new AgentThread(threadId, installation.ServiceUrl, installation.BotId, thread.ActivityId), cancellationToken).ConfigureAwait(false);
            }
            var open = hours.AreOpen(caseFile.OpenedUtc);
            if (!open)
            {
                await cases.TryMarkWaitNoticeAsync(caseFile.Reference, cancellationToken).ConfigureAwait(false);
            }
            return open;
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
        {
            LogPostFailed(logger, ex, caseFile.Reference);
            await cases.TryMarkWaitNoticeAsync(caseFile.Reference, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>The card for a case as it stands now (used for the first post and for every update after an action).</summary>
    public async Task<JsonElement> CardAsync(CaseFile caseFile, string? takenBy, string? note, CancellationToken cancellationToken, bool decided = false)
    {
        var described = await claims.DescribeAsync(caseFile, cancellationToken).ConfigureAwait(false);
        var messages = await LastMessagesAsync(caseFile, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.SerializeToElement(HandoffCard.Build(caseFile, described.Granted, described.Proposal, messages, takenBy, note, decided, described.Tier, options.Value.TranscriptUrl(caseFile.Reference), described.Payouts), ProtocolJsonContext.Default.JsonNode);
    }

    /// <summary>Replaces the posted card in the thread, so every agent sees who took the case and what was decided.</summary>
    public async Task UpdateForEveryoneAsync(string reference, JsonElement card, CancellationToken cancellationToken)
    {
        if (await cases.FindHeldAsync(reference, cancellationToken).ConfigureAwait(false) is not { Thread: { CardActivityId: { } cardId } location })
        {
            return;
        }
        try
        {
            var update = MessageWithCard(card);
            update.Id = cardId;
            update.Conversation = new ConversationAccount { Id = location.ThreadId };
            await connectors.Create(location.ServiceUrl).UpdateActivityAsync(location.ThreadId, cardId, update, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
        {
            LogPostFailed(logger, ex, reference);
        }
    }

    public static Activity MessageWithCard(JsonElement card) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = card }],
    };

    private async Task<IReadOnlyList<string>> LastMessagesAsync(CaseFile caseFile, CancellationToken cancellationToken)
    {
        return (await transcripts.GetActivitiesAsync(caseFile.ChannelId, caseFile.ConversationId, cancellationToken).ConfigureAwait(false))
            .Where(a => a.IsType(ActivityTypes.Message) && !string.IsNullOrWhiteSpace(a.Text))
            .TakeLast(8)
            .Select(a => $"{(a.From?.Role == RoleTypes.Bot ? "Bot" : "Customer")}: {a.Text}")
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {Reference} is open, but no agents' Teams channel is configured or installed")]
    private static partial void LogNoAgentChannel(ILogger logger, string reference);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not post case {Reference} to the agents' channel")]
    private static partial void LogPostFailed(ILogger logger, Exception exception, string reference);
}
