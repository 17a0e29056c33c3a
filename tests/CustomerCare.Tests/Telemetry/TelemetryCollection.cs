namespace CustomerCare.Tests.Telemetry;

/// <summary>
/// Telemetry tests run alone: every host in the process shares the "CustomerCare" source and meter names, so a test
/// that counts turns or grants must not count another test's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
