namespace CustomerCare.Advice;

/// <summary>What a catalog must satisfy before the adviser uses it.</summary>
public static class CatalogValidator
{
    public static IEnumerable<string> Problems(Catalog catalog)
    {
        if (string.IsNullOrWhiteSpace(catalog.Id))
        {
            yield return "field 'id' is required";
        }
        if (catalog.Title is null || string.IsNullOrWhiteSpace(catalog.Title.En) || string.IsNullOrWhiteSpace(catalog.Title.De))
        {
            yield return "field 'title' needs 'en' and 'de'";
        }
        var attributes = (catalog.Attributes ?? []).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        if (attributes.Count < 2)
        {
            yield return "field 'attributes' needs at least two attributes";
        }
        if (catalog.Products is not { Count: >= 3 })
        {
            yield return "field 'products' needs at least three products";
        }
        foreach (var product in catalog.Products ?? [])
        {
            var where = $"product '{product.Id}'";
            if (string.IsNullOrWhiteSpace(product.Name) || string.IsNullOrWhiteSpace(product.Provider))
            {
                yield return $"{where}: fields 'name' and 'provider' are required";
            }
            if (product.Price < 0)
            {
                yield return $"{where}: field 'price' must not be negative";
            }
            if (!Uri.TryCreate(product.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            {
                yield return $"{where}: field 'url' must be an absolute http(s) link";
            }
            foreach (var (attribute, rating) in product.Ratings ?? new Dictionary<string, double>())
            {
                if (!attributes.Contains(attribute))
                {
                    yield return $"{where}: field 'ratings.{attribute}' names no attribute of the catalog";
                }
                else if (rating is < 0 or > 1)
                {
                    yield return $"{where}: field 'ratings.{attribute}' must be between 0 and 1";
                }
            }
        }
        if (catalog.Questions is not { Count: >= 3 and <= 5 })
        {
            yield return "field 'questions' needs 3 to 5 questions";
        }
        foreach (var question in catalog.Questions ?? [])
        {
            if (question.Answers is not { Count: >= 2 })
            {
                yield return $"question '{question.Id}': field 'answers' needs at least two answers";
            }
            foreach (var answer in question.Answers ?? [])
            {
                foreach (var attribute in (answer.Weights ?? new Dictionary<string, double>()).Keys.Where(a => !attributes.Contains(a)))
                {
                    yield return $"question '{question.Id}' answer '{answer.Id}': field 'weights.{attribute}' names no attribute of the catalog";
                }
            }
        }
    }
}
