namespace CustomerCare.Bot.Storage;

/// <summary>
/// What a collection's documents hold as the writer last wrote them, so a write that must read a document first
/// (an ETag compare, a summary to change) need not look it up again. Touched only on the writer's thread, inside its
/// transactions: a value set in a batch that is rolled back is forgotten, and the next write reads the file again.
/// Bounded: when full it starts over, which costs lookups, never correctness.
/// </summary>
public sealed class WrittenDocuments<TValue>
    where TValue : class
{
    private readonly Dictionary<string, TValue?> _values = new(StringComparer.Ordinal);
    private readonly List<string> _inBatch = [];
    private readonly int _capacity;

    public WrittenDocuments(LiteDbWriter writer, int capacity = 20_000)
    {
        _capacity = capacity;
        writer.Committed += _inBatch.Clear;
        writer.RolledBack += () =>
        {
            _inBatch.ForEach(key => _values.Remove(key));
            _inBatch.Clear();
        };
    }

    /// <summary>The value as last written (null: known to be absent), or <paramref name="read"/>'s answer from the file.</summary>
    public TValue? Get(string key, Func<string, TValue?> read)
    {
        if (_values.TryGetValue(key, out var value))
        {
            return value;
        }
        value = read(key);
        Set(key, value);
        return value;
    }

    /// <summary>Notes what the current transaction wrote (null when it deleted the document).</summary>
    public void Set(string key, TValue? value)
    {
        if (_values.Count >= _capacity && !_values.ContainsKey(key))
        {
            // Anything noted in this batch goes too; a rollback then has nothing stale to remove.
            _values.Clear();
        }
        _values[key] = value;
        _inBatch.Add(key);
    }
}
