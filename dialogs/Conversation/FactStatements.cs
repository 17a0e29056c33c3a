using System.Globalization;
using CustomerCare.Builder;
using CustomerCare.Grants;
using CustomerCare.Localization;
using CustomerCare.Remedies;

namespace CustomerCare.Conversation;

/// <summary>What the operations data shows, said to the customer before any remedy: the flight (or the journey's arrival), the delay and its cause.</summary>
public static class FactStatements
{
    public static Task SayAsync(ITurnContext turnContext, Assessment.Assessed assessed, CultureInfo culture)
    {
        var (facts, operation, journey) = (assessed.Facts, assessed.Disrupted, assessed.Claim.Journey);
        var day = operation.ScheduledDepartureUtc.ToString("d", culture);
        var cause = DataNames.Cause(operation.CauseCode, culture);
        var text = facts.Kind switch
        {
            DisruptionKind.Cancellation => WithReroute(turnContext.Text(nameof(Strings.OpsCancellation), operation.FlightNumber, operation.Origin, operation.Destination, day,
                (facts.ScheduledDepartureUtc - (facts.CancellationNoticeUtc ?? facts.ScheduledDepartureUtc)).TotalDays.ToString("0", CultureInfo.InvariantCulture)), turnContext, facts, culture),
            DisruptionKind.DeniedBoarding => turnContext.Text(nameof(Strings.OpsDeniedBoarding), operation.FlightNumber, facts.Origin.Iata, facts.Destination.Iata, day,
                RemedyTexts.Duration((facts.RerouteArrivalUtc ?? facts.ScheduledArrivalUtc) - facts.ScheduledArrivalUtc, culture)),
            _ when journey.HasConnections => turnContext.Text(nameof(Strings.OpsJourneyDelay), string.Join(", ", journey.Segments.Select(s => s.FlightNumber)),
                facts.Origin.Iata, facts.Destination.Iata, journey.First.ScheduledDepartureUtc.ToString("d", culture), RemedyTexts.Duration(facts.ArrivalDelay, culture), cause, operation.FlightNumber),
            _ => turnContext.Text(nameof(Strings.OpsDelay), operation.FlightNumber, facts.Origin.Iata, facts.Destination.Iata, day, RemedyTexts.Duration(facts.ArrivalDelay, culture), cause),
        };
        return turnContext.SendActivityAsync(MessageFactory.Text(text), CancellationToken.None);
    }

    private static string WithReroute(string text, ITurnContext turnContext, DisruptionFacts facts, CultureInfo culture)
        => facts.RerouteArrivalUtc is { } arrival
            ? text + " " + turnContext.Text(nameof(Strings.OpsReroute), RemedyTexts.Duration(arrival - facts.ScheduledArrivalUtc, culture))
            : text;
}
