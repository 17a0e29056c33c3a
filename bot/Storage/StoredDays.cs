using System.Globalization;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>Days (a journey's date) as stored in claim documents: "yyyy-MM-dd", or null.</summary>
internal static class StoredDays
{
    public static BsonValue Of(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? BsonValue.Null;

    public static DateOnly? Read(BsonValue value)
        => value.IsString && DateOnly.TryParseExact(value.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
