namespace CustomerCare.Bot.DirectLine;

/// <summary>Ends a listener that did not read a whole backlog of activities; its client reconnects from its watermark.</summary>
public sealed class ListenerFellBehindException() : Exception("The listener fell a whole backlog behind.");
