namespace CustomerCare.Bot.Operations;

/// <summary>A rebooking, cabin or bag record of an import file, with the booking it belongs to and where in the file it stands (for problems).</summary>
public sealed record AttachedRecord<T>(string RecordLocator, T Record, string Where);
