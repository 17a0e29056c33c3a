namespace CustomerCare.Builder;

/// <summary>Typed per-turn services (loaded state, the connector), keyed by their type.</summary>
public sealed class TurnServices
{
    private readonly Dictionary<object, object> _items = [];

    public void Set<T>(T value) where T : class => _items[typeof(T)] = value;

    public T? Get<T>() where T : class => _items.TryGetValue(typeof(T), out var value) ? (T)value : null;

    public void Set(object key, object value) => _items[key] = value;

    public bool TryGet(object key, out object? value) => _items.TryGetValue(key, out value);

    public void Remove(object key) => _items.Remove(key);
}
