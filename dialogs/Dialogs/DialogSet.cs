namespace CustomerCare.Dialogs;

/// <summary>The dialogs one stack may start, by id.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet Add(Dialog dialog)
    {
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new InvalidOperationException($"A dialog with the id '{dialog.Id}' is already in the set.");
        }
        return this;
    }

    public Dialog? Find(string id) => _dialogs.GetValueOrDefault(id);
}
