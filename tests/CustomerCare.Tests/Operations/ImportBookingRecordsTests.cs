using CustomerCare.Bot.Operations;
using CustomerCare.Operations;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Operations;

/// <summary>Rebookings, cabins and bags imported from their tables or with JSON bookings, and kept when a booking is imported again.</summary>
public sealed class ImportBookingRecordsTests
{
    private readonly ImportedRecords _import = new();

    [Fact]
    public async Task RecordTables_AreAttachedToABookingOfTheSameRun_WhicheverFileComesFirst()
    {
        var (exit, output, error) = _import.Import(ImportedRecords.Bags, ImportedRecords.Cabins, ImportedRecords.Rebookings, ImportedRecords.Bookings, ImportedRecords.Flights);

        Assert.True(exit == 0, error);
        Assert.Contains("imported 0 booking(s) and 0 flight record(s); attached 0 rebooking(s), 0 cabin record(s) and 1 bag record(s)", output, StringComparison.Ordinal);
        var booking = (await _import.FindBookingAsync("REC001"))!;
        Assert.Equal([new Rebooking("REC001-1", "CC10", new DateOnly(2026, 10, 1), "CC12", new DateOnly(2026, 10, 1))], booking.Rebookings);
        Assert.Equal([new CabinRecord("REC001-1", "CC10", new DateOnly(2026, 10, 1), Cabin.Business, Cabin.Economy)], booking.Cabins);
        var bag = Assert.Single(booking.Bags);
        Assert.Equal(("LHRCC12345", "CC123456", BagStatus.Missing, (DateTime?)null), (bag.FileReference, bag.BagTag, bag.Status, bag.ReceivedUtc));
        Assert.Equal(["0220123456", "CC123456"], booking.Passengers[0].BagTags);
        Assert.Empty(booking.Passengers[1].BagTags);
    }

    [Fact]
    public async Task RecordTables_AreAttachedToABookingAlreadyInTheStore()
    {
        _import.Import(ImportedRecords.Bookings, ImportedRecords.Flights);

        var (exit, _, error) = _import.Import(ImportedRecords.Cabins);

        Assert.True(exit == 0, error);
        Assert.Single((await _import.FindBookingAsync("REC001"))!.Cabins);
    }

    [Fact]
    public async Task ReimportingABookingsTable_KeepsItsBagsCabinsRebookingsAndBagTags()
    {
        _import.Import(ImportedRecords.Bookings, ImportedRecords.Flights, ImportedRecords.Rebookings, ImportedRecords.Cabins, ImportedRecords.Bags);

        var (exit, _, error) = _import.Import(ImportedRecords.BookingsWithoutBagTags);

        Assert.True(exit == 0, error);
        var booking = (await _import.FindBookingAsync("REC001"))!;
        Assert.Equal((1, 1, 1), (booking.Rebookings.Count, booking.Cabins.Count, booking.Bags.Count));
        Assert.Equal(["0220123456", "CC123456"], booking.Passengers[0].BagTags);
    }

    [Fact]
    public async Task ABagsTableGivingABagANewStatus_UpdatesThatBag()
    {
        _import.Import(ImportedRecords.Bookings, ImportedRecords.Flights, ImportedRecords.Bags);

        var (exit, _, error) = _import.Import(Bags("REC001,REC001-1,LHRCC12345,CC123456,CC10,2026-10-01,2026-10-01T14:00:00Z,Delivered,2026-10-02T09:00:00Z"));

        Assert.True(exit == 0, error);
        var bag = Assert.Single((await _import.FindBookingAsync("REC001"))!.Bags);
        Assert.Equal((BagStatus.Delivered, (DateTime?)new DateTime(2026, 10, 2, 9, 0, 0, DateTimeKind.Utc)), (bag.Status, bag.ReceivedUtc));
    }

    [Fact]
    public async Task JsonBookingsWithTheirRecords_RoundTrip_AndNullListsAreEmpty()
    {
        var json = """
            { "bookings": [
                { "recordLocator": "REC002", "passengers": [ { "passengerId": "REC002-1", "firstName": "Cy", "lastName": "Records", "tier": "Basic", "bagTags": [ "LH654321" ] } ],
                  "segments": [ { "flightNumber": "CC10", "origin": "FRA", "destination": "LHR", "scheduledDepartureUtc": "2026-10-01T08:00:00Z", "scheduledArrivalUtc": "2026-10-01T09:40:00Z", "fare": 90, "currency": "EUR" } ],
                  "rebookings": [ { "passengerId": "REC002-1", "replacesFlightNumber": "CC10", "replacesDate": "2026-10-01", "flightNumber": "CC12", "scheduledDate": "2026-10-01" } ],
                  "cabins": [ { "passengerId": "REC002-1", "flightNumber": "CC10", "scheduledDate": "2026-10-01", "booked": "PremiumEconomy", "flown": "Economy" } ],
                  "bags": [ { "fileReference": "LHR-CC-54321", "bagTag": "LH654321", "passengerId": "REC002-1", "flightNumber": "CC10", "scheduledDate": "2026-10-01",
                              "reportedUtc": "2026-10-01T15:00:00Z", "status": "Damaged", "receivedUtc": "2026-10-01T14:10:00Z" } ] },
                { "recordLocator": "REC003", "passengers": [ { "passengerId": "REC003-1", "firstName": "Di", "lastName": "Records", "tier": "Basic", "bagTags": null } ],
                  "segments": [ { "flightNumber": "CC10", "origin": "FRA", "destination": "LHR", "scheduledDepartureUtc": "2026-10-01T08:00:00Z", "scheduledArrivalUtc": "2026-10-01T09:40:00Z", "fare": 90, "currency": "EUR" } ],
                  "rebookings": null, "cabins": null, "bags": null } ],
              "flights": [ { "flightNumber": "CC12", "scheduledDate": "2026-10-01", "origin": "FRA", "destination": "LHR", "scheduledDepartureUtc": "2026-10-01T12:00:00Z",
                             "scheduledArrivalUtc": "2026-10-01T13:40:00Z", "cancelled": false, "causeCode": "NONE", "extraordinary": false, "euCarrier": true } ] }
            """;

        var (exit, output, error) = _import.Import(json);

        Assert.True(exit == 0, error);
        Assert.Contains("imported 2 booking(s) and 1 flight record(s); attached 1 rebooking(s), 1 cabin record(s) and 1 bag record(s)", output, StringComparison.Ordinal);
        var booking = (await _import.FindBookingAsync("REC002"))!;
        Assert.Equal("CC12", Assert.Single(booking.Rebookings).FlightNumber);
        Assert.True(Assert.Single(booking.Cabins).Downgraded);
        Assert.Equal(new BagRecord("LHRCC54321", "LH654321", "REC002-1", "CC10", new DateOnly(2026, 10, 1), new DateTime(2026, 10, 1, 15, 0, 0, DateTimeKind.Utc), BagStatus.Damaged)
        {
            ReceivedUtc = new DateTime(2026, 10, 1, 14, 10, 0, DateTimeKind.Utc),
        }, Assert.Single(booking.Bags));
        var empty = (await _import.FindBookingAsync("REC003"))!;
        Assert.Equal((0, 0, 0, 0), (empty.Rebookings.Count, empty.Cabins.Count, empty.Bags.Count, empty.Passengers[0].BagTags.Count));
    }

    private static string Bags(params string[] rows) => OperationsImportFile.BagsHeader + "\n" + string.Join("\n", rows) + "\n";
}
