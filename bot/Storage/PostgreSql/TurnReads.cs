using System.Collections.Concurrent;
using CustomerCare.Builder;
using CustomerCare.Cases;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// What a turn read while it took its conversation's lock — the conversation's state and the case a person holds for
/// it — so the turn's first read of each is answered without another round trip; and the lock itself, so the turn's
/// write of that state commits with the lock's release. Each is given out once, and the lock's release forgets what
/// was not.
/// <list type="bullet">
/// <item>State is written only by turns, which hold the lock: read after the lock was granted, it is as current as any
/// later read in the turn (a write or delete through this instance forgets it first).</item>
/// <item>A case changes hands under its agents' thread, not under the customer's lock: the turn sees the case as it
/// stood when its lock was granted, which is when the customer's message counts as having arrived. A change through
/// this instance forgets every such read before it starts and again once it is done, so a read taken meanwhile is
/// never given out after it.</item>
/// </list>
/// </summary>
public sealed class TurnReads
{
    private readonly ConcurrentDictionary<string, StoreItem?> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HeldCase?> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TurnLock> _locks = new(StringComparer.Ordinal);

    internal void Keep(string stateKey, StoreItem? state, TurnLock turnLock, string channelId, string conversationId, HeldCase? held)
    {
        _states[stateKey] = state;
        _locks[stateKey] = turnLock;
        _held[ConversationKey.Of(channelId, conversationId)] = held;
    }

    public void Release(string stateKey, string channelId, string conversationId)
    {
        _states.TryRemove(stateKey, out _);
        _locks.TryRemove(stateKey, out _);
        _held.TryRemove(ConversationKey.Of(channelId, conversationId), out _);
    }

    public bool TryTakeState(string key, out StoreItem? state) => _states.TryRemove(key, out state);

    public void ForgetState(string key) => _states.TryRemove(key, out _);

    /// <summary>The turn lock held on the conversation whose state this is, for the turn's write of it.</summary>
    internal bool TryTakeLock(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TurnLock? turnLock) => _locks.TryRemove(key, out turnLock);

    public bool TryTakeHeld(string channelId, string conversationId, out HeldCase? held) => _held.TryRemove(ConversationKey.Of(channelId, conversationId), out held);

    /// <summary>A case changed through this instance: no turn's earlier read of a held case is given out any more.</summary>
    public void ForgetCases() => _held.Clear();
}
