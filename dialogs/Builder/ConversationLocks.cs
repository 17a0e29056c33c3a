namespace CustomerCare.Builder;

/// <summary>
/// Serialises turns of one conversation so its state is read and written in order, while turns of
/// different conversations run in parallel. Striped: memory stays fixed however many conversations exist.
/// </summary>
public sealed class ConversationLocks : IConversationLocks
{
    private readonly SemaphoreSlim[] _stripes;

    public ConversationLocks(int stripes = 1024)
    {
        _stripes = new SemaphoreSlim[stripes];
        for (var i = 0; i < stripes; i++)
        {
            _stripes[i] = new SemaphoreSlim(1, 1);
        }
    }

    public async Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(conversationId) % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(stripe);
    }

    private sealed class Releaser(SemaphoreSlim stripe) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
            return ValueTask.CompletedTask;
        }
    }
}
