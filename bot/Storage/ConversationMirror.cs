using CustomerCare.Bot.Transcripts;
using CustomerCare.Bot.Supervisors;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// The in-memory copy of the conversation summaries, with an inverted index of the words customers and agents
/// wrote (word → conversation numbers) and the values the filter menus offer. Not thread-safe: the index locks.
/// </summary>
internal sealed class ConversationMirror
{
    private readonly List<ConversationSummary?> _items = [];
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);

    public SortedSet<string> Channels { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Agents { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Languages { get; } = new(StringComparer.Ordinal);

    public int Count => _numbers.Count;

    public void Put(ConversationSummary summary)
    {
        if (_numbers.TryGetValue(summary.Key, out var number))
        {
            _items[number] = summary;
        }
        else
        {
            _numbers[summary.Key] = _items.Count;
            _items.Add(summary);
        }
        if (!summary.AgentsThread)
        {
            Channels.Add(summary.ChannelId);
            Languages.Add(summary.Language);
            Agents.UnionWith(summary.Agents);
        }
    }

    public void Remove(string key)
    {
        if (_numbers.Remove(key, out var number))
        {
            _items[number] = null;
        }
    }

    /// <summary>Indexes words for a conversation; a word indexed twice is harmless (matches are sets).</summary>
    public void AddTerms(string key, IEnumerable<string> terms)
    {
        if (!_numbers.TryGetValue(key, out var number))
        {
            number = _items.Count;
            _numbers[key] = number;
            _items.Add(null);
        }
        foreach (var term in terms)
        {
            if (!_postings.TryGetValue(term, out var list))
            {
                _postings[term] = list = [];
            }
            if (list.Count == 0 || list[^1] != number)
            {
                list.Add(number);
            }
        }
    }

    public ConversationSummary? Find(string key) => _numbers.TryGetValue(key, out var number) ? _items[number] : null;

    /// <summary>The conversation numbers in which every term was written, or null when no terms are given.</summary>
    public HashSet<int>? WithAllTerms(IReadOnlyCollection<string> terms)
    {
        if (terms.Count == 0)
        {
            return null;
        }
        var lists = new List<List<int>>();
        foreach (var term in terms)
        {
            if (!_postings.TryGetValue(term, out var list))
            {
                return [];
            }
            lists.Add(list);
        }
        lists.Sort((a, b) => a.Count.CompareTo(b.Count));
        var found = new HashSet<int>(lists[0]);
        foreach (var list in lists.Skip(1))
        {
            found.IntersectWith(list);
        }
        return found;
    }

    /// <summary>Every live summary with its number, for a scan.</summary>
    public IEnumerable<(int Number, ConversationSummary Summary)> All()
    {
        for (var i = 0; i < _items.Count; i++)
        {
            if (_items[i] is { } summary)
            {
                yield return (i, summary);
            }
        }
    }
}
