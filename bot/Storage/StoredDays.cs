using CustomerCare.Operations;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>Days (a journey's date) as stored in claim documents: "yyyy-MM-dd", or null.</summary>
internal static class StoredDays
{
    public static BsonValue Of(DateOnly? day) => day is { } known ? IsoDates.Format(known) : BsonValue.Null;

    public static DateOnly? Read(BsonValue? value) => value is { IsString: true } ? IsoDates.Parse(value.AsString) : null;
}
