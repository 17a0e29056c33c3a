using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// Query filters that keep their values in parameters. LiteDB compiles a filter into a delegate and caches it
/// by the filter's text for the life of the process; <c>Query.EQ("field", value)</c> writes the value into that
/// text, so every new conversation or booking compiled (and kept) a delegate of its own — memory that never came
/// back and a steady stream of JIT work. With parameters each filter shape compiles once. (Query.And cannot
/// combine these: it joins the texts and drops the parameters, hence the combined shapes below.)
/// </summary>
public static class Filters
{
    /// <summary><c>field = value</c>.</summary>
    public static BsonExpression Equal(string field, BsonValue value) => BsonExpression.Create(field + " = @0", value);

    /// <summary><c>field = value AND otherField = otherValue</c>.</summary>
    public static BsonExpression Equal(string field, BsonValue value, string otherField, BsonValue otherValue)
        => BsonExpression.Create(field + " = @0 AND " + otherField + " = @1", value, otherValue);

    /// <summary><c>field = value AND otherField IN values</c>.</summary>
    public static BsonExpression EqualAndIn(string field, BsonValue value, string otherField, params BsonValue[] values)
        => BsonExpression.Create(field + " = @0 AND " + otherField + " IN @1", value, new BsonArray(values));

    /// <summary><c>field = value AND otherField &lt; limit</c>.</summary>
    public static BsonExpression EqualAndBefore(string field, BsonValue value, string otherField, BsonValue limit)
        => BsonExpression.Create(field + " = @0 AND " + otherField + " < @1", value, limit);

    /// <summary><c>field IN values</c>: one query, through the field's index, for several values.</summary>
    public static BsonExpression In(string field, IEnumerable<string> values) => BsonExpression.Create(field + " IN @0", new BsonArray(values.Select(v => new BsonValue(v))));

    /// <summary><c>field &gt; value</c>: documents without the field (null) are not greater than any value.</summary>
    public static BsonExpression After(string field, BsonValue value) => BsonExpression.Create(field + " > @0", value);

    /// <summary><c>field &lt; value</c>.</summary>
    public static BsonExpression Before(string field, BsonValue value) => BsonExpression.Create(field + " < @0", value);

    /// <summary>
    /// Candidates whose <paramref name="field"/> starts with <paramref name="prefix"/>, found through the field's index.
    /// LIKE treats '_' in the prefix as a wildcard and compares with the database's case-insensitive collation, so
    /// callers keep only the documents whose value starts with the prefix exactly (<see cref="StartsExactly"/>).
    /// </summary>
    public static BsonExpression StartsWith(string field, string prefix) => BsonExpression.Create(field + " LIKE @0", prefix + "%");

    /// <summary>True when the document's string field starts with the prefix, ordinal comparison.</summary>
    public static bool StartsExactly(BsonDocument document, string field, string prefix)
        => document[field].IsString && document[field].AsString.StartsWith(prefix, StringComparison.Ordinal);
}
