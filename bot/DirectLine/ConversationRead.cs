namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// A read after a watermark: the positions from <see cref="From"/> up to <see cref="HistoryEnd"/> have left memory
/// (they are read from the transcript), and <see cref="Recent"/> holds everything after them that memory still has.
/// </summary>
public sealed record ConversationRead(int From, int HistoryEnd, ActivitySet Recent)
{
    public bool NeedsHistory => From < HistoryEnd;
}
