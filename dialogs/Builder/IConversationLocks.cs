namespace CustomerCare.Builder;

/// <summary>
/// Serialises the turns of one conversation, so its state is read and written in order: in one process
/// (<see cref="ConversationLocks"/>), or across every instance sharing a store.
/// </summary>
public interface IConversationLocks
{
    /// <summary>Waits until no other turn of the conversation runs; disposing the result lets the next one in.</summary>
    Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The lock for a turn of this activity's conversation; a shared store may read what the turn will need while it takes the lock.</summary>
    Task<IAsyncDisposable> AcquireForTurnAsync(Schema.Activity activity, CancellationToken cancellationToken)
        => AcquireAsync(activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity)), cancellationToken);
}
