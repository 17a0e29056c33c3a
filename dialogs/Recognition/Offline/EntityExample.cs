namespace CustomerCare.Recognition.Offline;

/// <summary>A message with the booking reference and flight number it contains (empty when none), for evaluating extraction.</summary>
public sealed record EntityExample(string Text, string Language, string? BookingReference, string? FlightNumber)
{
    public string? Expected(string category) => category switch
    {
        EntityCategories.BookingReference => BookingReference,
        EntityCategories.FlightNumber => FlightNumber,
        _ => null,
    };

    /// <summary>Reads <c>text, lang, bookingReference, flightNumber</c> (tab-separated, with a header).</summary>
    public static IReadOnlyList<EntityExample> Read(TextReader reader)
    {
        var header = reader.ReadLine()?.TrimStart('\uFEFF');
        if (header != "text\tlang\tbookingReference\tflightNumber")
        {
            throw new FormatException("line 1: expected the header 'text<TAB>lang<TAB>bookingReference<TAB>flightNumber'.");
        }
        var examples = new List<EntityExample>();
        var number = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            var fields = line.Split('\t');
            if (fields.Length != 4)
            {
                throw new FormatException($"line {number}: expected 4 tab-separated columns, found {fields.Length}.");
            }
            examples.Add(new EntityExample(fields[0], fields[1], NullIfEmpty(fields[2]), NullIfEmpty(fields[3])));
        }
        return examples;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
