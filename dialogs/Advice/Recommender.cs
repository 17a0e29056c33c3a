namespace CustomerCare.Advice;

/// <summary>A product's fit: its score and how much each attribute contributed (weight × rating).</summary>
public sealed record ProductFit(Product Product, double Score, IReadOnlyDictionary<string, double> Contributions);

/// <summary>
/// Ranks products by the customer's stated needs only: the score is the sum over answered questions of
/// weight × rating. Whether a product is the company's own plays no part; ties go to the lower price, then the id,
/// so the same answers always give the same ranking.
/// </summary>
public static class Recommender
{
    /// <summary>How much each attribute matters, summed over the answers given.</summary>
    public static Dictionary<string, double> Weights(Catalog catalog, IReadOnlyDictionary<string, string> answers)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var question in catalog.Questions)
        {
            if (answers.TryGetValue(question.Id, out var answerId) && question.Answers.FirstOrDefault(a => a.Id == answerId) is { } answer)
            {
                foreach (var (attribute, weight) in answer.Weights)
                {
                    weights[attribute] = weights.GetValueOrDefault(attribute) + weight;
                }
            }
        }
        return weights;
    }

    public static IReadOnlyList<ProductFit> Rank(Catalog catalog, IReadOnlyDictionary<string, string> answers)
    {
        var weights = Weights(catalog, answers);
        return catalog.Products
            .Select(p => Fit(p, weights))
            .OrderByDescending(f => Math.Round(f.Score, 9))
            .ThenBy(f => f.Product.Price)
            .ThenBy(f => f.Product.Id, StringComparer.Ordinal)
            .ToList();
    }

    public static ProductFit Fit(Product product, IReadOnlyDictionary<string, double> weights)
    {
        var contributions = weights.ToDictionary(w => w.Key, w => w.Value * product.Ratings.GetValueOrDefault(w.Key), StringComparer.Ordinal);
        return new ProductFit(product, contributions.Values.Sum(), contributions);
    }

    /// <summary>The attributes where <paramref name="other"/> falls furthest behind <paramref name="best"/>, weighted by what the customer said matters.</summary>
    public static IReadOnlyList<string> WhereBehind(ProductFit other, ProductFit best)
        => best.Contributions.Select(c => (Attribute: c.Key, Gap: c.Value - other.Contributions.GetValueOrDefault(c.Key)))
            .Where(g => g.Gap > 1e-9).OrderByDescending(g => g.Gap).Select(g => g.Attribute).ToList();
}
