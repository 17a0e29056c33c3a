using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CustomerCare.Cases;
using CustomerCare.Ledger;

namespace CustomerCare.Diagnostics;

/// <summary>
/// The bot's metrics on the <see cref="CustomerCareTelemetry.Name"/> meter: turns and their latency, remedies granted,
/// grants refused, hand-offs to a person, rate-limit rejections and queue depths. Every tag is a kind from a closed set.
/// </summary>
public sealed class CustomerCareMetrics
{
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _grants;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _handoffs;
    private readonly Counter<long> _rateLimited;
    private readonly ConcurrentDictionary<string, Func<int>> _queues = new(StringComparer.Ordinal);

    public CustomerCareMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(CustomerCareTelemetry.Name);
        _turns = meter.CreateCounter<long>("customercare.turns", "{turn}", "Turns the bot ran, by channel, activity type and outcome.");
        _turnDuration = meter.CreateHistogram<double>("customercare.turn.duration", "s", "How long a turn took, from the activity received to its last reply.");
        _grants = meter.CreateCounter<long>("customercare.grants", "{remedy}", "Remedies granted, or sent to a supervisor for approval, by remedy kind.");
        _refusals = meter.CreateCounter<long>("customercare.grant.refusals", "{refusal}", "Grant attempts that recorded nothing, by reason.");
        _handoffs = meter.CreateCounter<long>("customercare.handoffs", "{handoff}", "Requests for a person, by reason and whether a new case was opened.");
        _rateLimited = meter.CreateCounter<long>("customercare.rate_limit.rejections", "{request}", "Requests refused by a rate limit, by policy.");
        meter.CreateObservableGauge("customercare.queue.depth", ObserveQueues, "{item}", "Items waiting in a background queue.");
    }

    public void TurnCompleted(string channel, string activityType, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { TelemetryTags.Channel, channel }, { TelemetryTags.ActivityType, activityType }, { TelemetryTags.Outcome, outcome } };
        _turns.Add(1, tags);
        _turnDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>Counts what a grant attempt came to: each remedy granted (or waiting for approval), or the refusal.</summary>
    public void GrantDecided(GrantOutcome outcome, GrantActor actor)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(actor);
        var channel = TelemetryTags.ChannelOf(actor.Channel);
        switch (outcome)
        {
            case GrantOutcome.Granted granted:
                CountRemedies(granted.Entry.Remedies, "granted", actor, channel);
                break;
            case GrantOutcome.NeedsApproval approval:
                CountRemedies(approval.Request.Remedies, "needs_approval", actor, channel);
                break;
            case GrantOutcome.AlreadyGranted:
                Refused("AlreadyGranted", actor, channel);
                break;
            case GrantOutcome.Refused refused:
                Refused(refused.Reason.ToString(), actor, channel);
                break;
        }
    }

    public void HandedOff(string? channelId, CaseReason reason, bool addedToWaitingCase)
        => _handoffs.Add(1, new TagList
        {
            { TelemetryTags.Channel, TelemetryTags.ChannelOf(channelId) },
            { TelemetryTags.Reason, reason.ToString() },
            { TelemetryTags.Outcome, addedToWaitingCase ? "added_to_waiting_case" : "case_opened" },
        });

    public void RateLimited(string policy) => _rateLimited.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Policy, policy));

    /// <summary>Reports <paramref name="depth"/> as the depth of <paramref name="queue"/> (a fixed name) whenever metrics are collected.</summary>
    public void ObserveQueue(string queue, Func<int> depth) => _queues[queue] = depth;

    private void CountRemedies(IReadOnlyList<GrantedRemedy> remedies, string outcome, GrantActor actor, string channel)
    {
        foreach (var remedy in remedies)
        {
            _grants.Add(1, new TagList
            {
                { TelemetryTags.RemedyKind, remedy.Kind.ToString() }, { TelemetryTags.Outcome, outcome },
                { TelemetryTags.ActorKind, actor.Kind.ToString() }, { TelemetryTags.Channel, channel },
            });
        }
    }

    private void Refused(string reason, GrantActor actor, string channel)
        => _refusals.Add(1, new TagList { { TelemetryTags.Reason, reason }, { TelemetryTags.ActorKind, actor.Kind.ToString() }, { TelemetryTags.Channel, channel } });

    private IEnumerable<Measurement<int>> ObserveQueues()
        => _queues.Select(queue => new Measurement<int>(queue.Value(), new KeyValuePair<string, object?>(TelemetryTags.Queue, queue.Key)));
}
