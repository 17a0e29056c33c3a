using System.Globalization;
using CustomerCare.Builder;
using CustomerCare.Grants;
using CustomerCare.Localization;
using CustomerCare.Operations;
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
            DisruptionKind.Downgrade => string.Join(" ", facts.Downgrades.Select(d => turnContext.Text(nameof(Strings.OpsDowngrade), d.FlightNumber, d.From.Iata, d.To.Iata, day,
                CabinName(d.Booked, culture), CabinName(d.Flown, culture)))),
            DisruptionKind.Baggage => BagStatement(turnContext, assessed, culture),
            _ when assessed.FlownOn.Count > 0 => turnContext.Text(nameof(Strings.OpsRebooked), operation.FlightNumber, day, string.Join(", ", assessed.FlownOn),
                facts.Destination.Iata, RemedyTexts.Lateness(facts.ArrivalDelay, culture), cause,
                facts.Kind == DisruptionKind.Cancellation ? BotText.Get(culture, nameof(Strings.OpsWasCancelled)) : BotText.Get(culture, nameof(Strings.OpsConnectionMissed))),
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

    /// <summary>"On CC400 … you flew Economy although you booked Business."</summary>
    private static string CabinName(Cabin cabin, CultureInfo culture) => BotText.Get(culture, "Cabin." + cabin);

    private static string BagStatement(ITurnContext turnContext, Assessment.Assessed assessed, CultureInfo culture)
    {
        var bag = BagReportFacts.Find(assessed.Claim.Booking, assessed.Claim.Passenger, assessed.Claim.Journey, assessed.Claim.BagFileReference)!;
        var (facts, flight) = (assessed.Facts.Bag!, bag.FlightNumber + " " + bag.ScheduledDate.ToString("d", culture));
        var without = RemedyTexts.Duration(TimeSpan.FromHours(facts.HoursWithout), culture);
        return bag.Status switch
        {
            BagStatus.Delivered => turnContext.Text(nameof(Strings.OpsBagDelivered), bag.FileReference, bag.BagTag, flight, without),
            BagStatus.Lost => turnContext.Text(nameof(Strings.OpsBagLost), bag.FileReference, bag.BagTag, flight),
            BagStatus.Damaged => turnContext.Text(nameof(Strings.OpsBagDamaged), bag.FileReference, bag.BagTag, flight),
            _ => turnContext.Text(nameof(Strings.OpsBagMissing), bag.FileReference, bag.BagTag, flight, without),
        };
    }

    private static string WithReroute(string text, ITurnContext turnContext, DisruptionFacts facts, CultureInfo culture)
        => facts.RerouteArrivalUtc is { } arrival
            ? text + " " + turnContext.Text(nameof(Strings.OpsReroute), RemedyTexts.Duration(arrival - facts.ScheduledArrivalUtc, culture))
            : text;
}
