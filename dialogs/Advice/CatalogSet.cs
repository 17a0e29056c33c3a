namespace CustomerCare.Advice;

/// <summary>The catalogs the adviser uses, loaded and validated once at start.</summary>
public sealed class CatalogSet(IReadOnlyList<Catalog> catalogs)
{
    public IReadOnlyList<Catalog> Catalogs { get; } = catalogs;
}
