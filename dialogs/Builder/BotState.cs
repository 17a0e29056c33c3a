using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CustomerCare.Diagnostics;

namespace CustomerCare.Builder;

/// <summary>
/// Typed state loaded once per turn and saved at its end when it changed; optimistic concurrency through
/// the storage's ETags. One record type per scope instead of a bag of values.
/// </summary>
public abstract class BotState<TState>(IStorage storage, JsonTypeInfo<TState> typeInfo)
    where TState : class, new()
{
    private sealed class Cached(TState value, string? json, string? etag)
    {
        public TState Value { get; set; } = value;
        public string? Json { get; } = json;
        public string? ETag { get; } = etag;
    }

    /// <summary>The storage key for this turn, or null when the activity carries no such scope.</summary>
    protected abstract string? GetStorageKey(ITurnContext turnContext);

    public async Task<TState> LoadAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Services.TryGet(this, out var existing))
        {
            return ((Cached)existing!).Value;
        }

        var key = GetStorageKey(turnContext);
        var item = key is null ? null : await ReadAsync(key, cancellationToken).ConfigureAwait(false);
        var value = item is null ? new TState() : JsonSerializer.Deserialize(item.Json, typeInfo) ?? new TState();
        turnContext.Services.Set(this, new Cached(value, item?.Json, item?.ETag));
        return value;
    }

    /// <summary>Forgets this scope's state: the turn continues with a fresh record and saving stores it.</summary>
    public void Clear(ITurnContext turnContext)
    {
        if (turnContext.Services.TryGet(this, out var existing))
        {
            ((Cached)existing!).Value = new TState();
        }
        else
        {
            turnContext.Services.Set(this, new Cached(new TState(), null, "*"));
        }
    }

    public async Task SaveChangesAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (!turnContext.Services.TryGet(this, out var existing) || GetStorageKey(turnContext) is not { } key)
        {
            return;
        }

        var cached = (Cached)existing!;
        var json = JsonSerializer.Serialize(cached.Value, typeInfo);
        if (json == cached.Json)
        {
            return;
        }
        string etag;
        using (StateSpan(SpanNames.StateWrite))
        {
            etag = await storage.WriteAsync(key, new StoreItem(json, cached.ETag), cancellationToken).ConfigureAwait(false);
        }
        turnContext.Services.Set(this, new Cached(cached.Value, json, etag));
    }

    /// <summary>Removes the stored state, whatever the turn holds (the error policy uses this).</summary>
    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        turnContext.Services.Remove(this);
        if (GetStorageKey(turnContext) is { } key)
        {
            using var span = StateSpan(SpanNames.StateDelete);
            await storage.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<StoreItem?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        using var span = StateSpan(SpanNames.StateRead);
        return await storage.ReadAsync(key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A span for one storage call, named by the state's type; never by its key, which holds the conversation's or user's id.</summary>
    private static Activity? StateSpan(string name)
        => CustomerCareTelemetry.Source.StartActivity(name)?.SetTag(TelemetryTags.State, typeof(TState).Name);
}
