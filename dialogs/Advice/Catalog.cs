namespace CustomerCare.Advice;

/// <summary>Text in English and German.</summary>
public sealed record Localized(string En, string De)
{
    public string For(System.Globalization.CultureInfo culture) => culture.TwoLetterISOLanguageName == "de" ? De : En;
}

/// <summary>
/// A product catalog the adviser recommends from: products of every provider (own ones marked), the attributes
/// they are rated on (0–1), and the needs questionnaire whose answers weigh those attributes.
/// </summary>
public sealed record Catalog(string Id, Localized Title, string Currency, IReadOnlyList<CatalogAttribute> Attributes, IReadOnlyList<Product> Products, IReadOnlyList<Question> Questions);

/// <summary>A rated attribute: how it reads when a product is strong in it, and when it is weak.</summary>
public sealed record CatalogAttribute(string Id, Localized Strong, Localized Weak);

public sealed record Product(string Id, string Name, string Provider, bool Own, decimal Price, string Url, IReadOnlyDictionary<string, double> Ratings, IReadOnlyList<string>? Synonyms = null);

public sealed record Question(string Id, Localized Text, IReadOnlyList<Answer> Answers);

/// <summary>An answer option and how much it makes each attribute matter.</summary>
public sealed record Answer(string Id, Localized Label, IReadOnlyDictionary<string, double> Weights);
