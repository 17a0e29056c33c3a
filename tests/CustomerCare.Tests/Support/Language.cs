using CustomerCare.Airports;
using CustomerCare.Recognition.Entities;
using CustomerCare.Recognition.Offline;

namespace CustomerCare.Tests.Support;

/// <summary>The real offline models, trained once per test run (cached in a temp folder shared by all tests).</summary>
public static class Language
{
    public static EntityExtractor Entities { get; } = EntityExtractor.Default(AirportDirectory.Embedded);

    public static IntentModelStore Models { get; } = new(Path.Combine(Path.GetTempPath(), "customercare-tests", "nlu"), Entities);

    public static OfflineRecognizer Recognizer(TimeProvider clock) => new(Ready(), Entities, clock);

    private static IntentModelStore Ready()
    {
        foreach (var language in IntentModelStore.Languages)
        {
            Models.Get(language);
        }
        return Models;
    }
}
