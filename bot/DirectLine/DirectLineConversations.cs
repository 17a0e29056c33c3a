using System.Collections.Concurrent;
using System.Security.Cryptography;
using CustomerCare.Bot.Transcripts;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// The Direct Line conversations this bot serves. Conversations live in memory while in use; one that is not
/// in memory (after a restart, idle, or pushed out by newer ones past <see cref="DirectLineOptions.MaxConversationsInMemory"/>)
/// is restored from its transcript.
/// </summary>
public sealed class DirectLineConversations(ITranscriptStore transcripts, DirectLineHistory history, TimeProvider clock, IOptions<DirectLineOptions> options)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _live = new(StringComparer.Ordinal);

    public static string NewConversationId() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public static string NewUserId() => "dl_" + Base64Url(RandomNumberGenerator.GetBytes(12));

    /// <summary>Starts the conversation, or returns it if it already exists; Created says which.</summary>
    public async Task<(DirectLineConversation Conversation, bool Created)> StartAsync(string conversationId)
    {
        if (await FindAsync(conversationId).ConfigureAwait(false) is { } existing)
        {
            return (existing, false);
        }
        var created = false;
        var conversation = _live.GetOrAdd(conversationId, id =>
        {
            created = true;
            return new DirectLineConversation(id, clock, Limits);
        });
        if (created)
        {
            MakeRoom();
        }
        return (conversation, created);
    }

    /// <summary>The conversation if it was ever started (restoring it from the transcript if needed), else null.</summary>
    public async Task<DirectLineConversation?> FindAsync(string conversationId)
    {
        if (_live.TryGetValue(conversationId, out var live))
        {
            return live;
        }
        if (!await transcripts.ExistsAsync(DirectLineChannel.ChannelId, conversationId, CancellationToken.None).ConfigureAwait(false))
        {
            return null;
        }
        var activities = await history.RecordedAsync(conversationId, CancellationToken.None).ConfigureAwait(false);
        var added = false;
        var conversation = _live.GetOrAdd(conversationId, id =>
        {
            added = true;
            var restored = new DirectLineConversation(id, clock, Limits);
            restored.Restore(activities);
            return restored;
        });
        if (added)
        {
            MakeRoom();
        }
        return conversation;
    }

    public int InMemoryCount => _live.Count;

    /// <summary>Lets idle conversations without listeners leave memory (their transcript keeps them).</summary>
    public int EvictIdle()
    {
        var cutoff = clock.GetUtcNow().AddMinutes(-options.Value.IdleMinutesInMemory);
        var evicted = 0;
        foreach (var (id, conversation) in _live)
        {
            if (conversation.LastUsed < cutoff && conversation.ListenerCount == 0 && _live.TryRemove(id, out _))
            {
                evicted++;
            }
        }
        return evicted;
    }

    private DirectLineMemoryLimits Limits => DirectLineMemoryLimits.From(options.Value);

    /// <summary>
    /// Past the most conversations memory holds, the least recently used without listeners leave it first; one used in
    /// the last minute stays (a turn may still be writing to it), so the limit can be passed for a moment.
    /// </summary>
    private void MakeRoom()
    {
        var excess = _live.Count - options.Value.MaxConversationsInMemory;
        if (excess <= 0)
        {
            return;
        }
        var settled = clock.GetUtcNow().AddMinutes(-1);
        foreach (var (id, _) in _live.Where(pair => pair.Value.ListenerCount == 0 && pair.Value.LastUsed < settled).OrderBy(pair => pair.Value.LastUsed).Take(excess).ToList())
        {
            _live.TryRemove(id, out _);
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
