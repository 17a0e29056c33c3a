using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// Counts the open WebSocket streams per token (or per secret), so one credential cannot hold more than
/// <see cref="DirectLineOptions.MaxListenersPerToken"/> of them; each conversation has its own limit as well.
/// </summary>
public sealed class StreamListeners(IOptions<DirectLineOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>A place for one more stream on this credential, released on dispose; null when it has its most.</summary>
    public IDisposable? TryEnter(string credential)
    {
        // Keyed by a hash: the dictionary never holds a live credential.
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential)));
        var limit = options.Value.MaxListenersPerToken;
        while (true)
        {
            var open = _open.GetOrAdd(key, 0);
            if (open >= limit)
            {
                return null;
            }
            if (_open.TryUpdate(key, open + 1, open))
            {
                return new Place(this, key);
            }
        }
    }

    public int OpenCount => _open.Values.Sum();

    private void Leave(string key)
    {
        while (_open.TryGetValue(key, out var open))
        {
            if (open <= 1 ? _open.TryRemove(new KeyValuePair<string, int>(key, open)) : _open.TryUpdate(key, open - 1, open))
            {
                return;
            }
        }
    }

    private sealed class Place(StreamListeners owner, string key) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                owner.Leave(key);
            }
        }
    }
}
