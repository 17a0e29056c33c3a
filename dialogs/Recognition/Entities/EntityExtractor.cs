using System.Globalization;
using CustomerCare.Airports;

namespace CustomerCare.Recognition.Entities;

/// <summary>All entity extractors together; where two categories claim the same text, the earlier category wins.</summary>
public sealed class EntityExtractor(IEnumerable<IEntityExtractor> extractors)
{
    private readonly IEntityExtractor[] _extractors = extractors.ToArray();

    public static EntityExtractor Default(AirportDirectory airports) => new(
    [
        new FlightNumberExtractor(),
        new BookingReferenceExtractor(),
        new AmountExtractor(),
        new DateExtractor(),
        new AirportExtractor(airports),
        new DisruptionKindExtractor(),
    ]);

    public IReadOnlyList<RecognizedEntity> Extract(string text, CultureInfo culture, DateOnly today)
    {
        var kept = new List<RecognizedEntity>();
        foreach (var extractor in _extractors)
        {
            foreach (var entity in extractor.Extract(text, culture, today))
            {
                if (!kept.Any(k => entity.Offset < k.Offset + k.Length && k.Offset < entity.Offset + entity.Length))
                {
                    kept.Add(entity);
                }
            }
        }
        return kept.OrderBy(e => e.Offset).ToList();
    }
}
