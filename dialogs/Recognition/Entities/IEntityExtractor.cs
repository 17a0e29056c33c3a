using System.Globalization;

namespace CustomerCare.Recognition.Entities;

/// <summary>Finds one category of entity in an utterance.</summary>
public interface IEntityExtractor
{
    IEnumerable<RecognizedEntity> Extract(string text, CultureInfo culture, DateOnly today);
}
