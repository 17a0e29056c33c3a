using CustomerCare.Bot.Operations;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Operations;

/// <summary>Every bad row of a rebookings, cabins or bags table (or of a JSON booking's records) is reported by line, and nothing of its file is imported.</summary>
public sealed class ImportBookingRecordsValidationTests
{
    private readonly ImportedRecords _import = new();

    public ImportBookingRecordsValidationTests() => _import.Import(ImportedRecords.Bookings, ImportedRecords.Flights);

    [Fact]
    public async Task BadBagRows_AreReportedByLine_AndNoBagIsImported()
    {
        var (exit, _, error) = _import.Import(Table(OperationsImportFile.BagsHeader,
            "REC001,REC001-1,LHRCC12345,0220123456,CC10,2026-10-01,2026-10-01T14:00:00Z,Missing,",
            "REC001,REC001-1,LHR12,CC123456,CC10,2026-10-01,2026-10-01T14:00:00Z,Missing,",
            "REC001,REC001-1,FRACC12346,CC123456,CC10,2026-10-01,2026-10-01T14:00:00Z,Missing,",
            "REC001,REC001-1,LHRLH12347,CC123456,CC10,2026-10-01,2026-10-01T14:00:00Z,Missing,",
            "REC001,REC001-1,LHRCC12348,CC999999,CC10,2026-10-01,2026-10-01T14:00:00Z,Missing,",
            "REC001,REC001-1,LHRCC12349,12345,CC10,2026-10-01,2026-10-01T14:00:00Z,Missing,",
            "REC001,REC001-1,LHRCC12350,CC123456,CC10,2026-10-01,2026-10-01T14:00:00Z,Delivered,",
            "REC001,REC001-1,LHRCC12351,CC123456,CC10,2026-10-01,2026-10-01T14:00:00Z,Lost,2026-10-03T10:00:00Z",
            "REC001,REC001-1,LHRCC12352,CC123456,CC10,2026-10-01,2026-10-01T14:00:00Z,Delivered,2026-10-01T13:00:00Z",
            "REC001,REC001-1,LHRCC12353,CC123456,CC10,2026-10-01,2026-10-01T14:00:00Z,Damaged,2026-10-01T15:00:00Z",
            "REC001,REC001-1,LHRCC12354,CC123456,CC10,2026-10-01,2026-10-01T07:00:00Z,Missing,",
            "REC001,REC001-1,LHRCC12355,CC123456,CC10,2026-10-01,2026-10-01T14:00:00Z,Stolen,",
            "REC001,REC001-1,LHRCC12345,0220123456,CC10,2026-10-01,2026-10-01T15:00:00Z,Missing,",
            "REC001,REC001-1,XXXCC12356,CC123456,CC10,2026-10-01,2026-10-01T14:00:00Z,Missing,"));

        Assert.Equal(1, exit);
        Assert.Contains("line 3 (REC001): fileReference 'LHR12' must be a station, an airline and 5 digits", error, StringComparison.Ordinal);
        Assert.Contains("line 4 (REC001): fileReference FRACC12346: station FRA is not where flight CC10 lands (LHR)", error, StringComparison.Ordinal);
        Assert.Contains("line 5 (REC001): fileReference LHRLH12347: airline LH is not the airline of flight CC10", error, StringComparison.Ordinal);
        Assert.Contains("line 6 (REC001): unknown bag tag CC999999", error, StringComparison.Ordinal);
        Assert.Contains("line 7 (REC001): bagTag '12345' must be a 10-digit licence plate", error, StringComparison.Ordinal);
        Assert.Contains("line 8 (REC001): a Delivered bag needs receivedUtc", error, StringComparison.Ordinal);
        Assert.Contains("line 9 (REC001): a Lost bag has not been received: receivedUtc must be empty", error, StringComparison.Ordinal);
        Assert.Contains("line 10 (REC001): receivedUtc of a delivered bag must not be before reportedUtc", error, StringComparison.Ordinal);
        Assert.Contains("line 11 (REC001): reportedUtc of a damaged bag must not be before receivedUtc", error, StringComparison.Ordinal);
        Assert.Contains("line 12 (REC001): reportedUtc must not be before the flight's scheduled departure (2026-10-01T08:00:00Z)", error, StringComparison.Ordinal);
        Assert.Contains("line 13: status 'Stolen' must be one of Missing, Delivered, Lost, Damaged", error, StringComparison.Ordinal);
        Assert.Contains("line 14 (REC001): fileReference LHRCC12345 with bagTag 0220123456 is given twice (first at line 2 (REC001))", error, StringComparison.Ordinal);
        Assert.Contains("line 15 (REC001): fileReference XXXCC12356: station XXX is not a known airport", error, StringComparison.Ordinal);
        Assert.Empty((await _import.FindBookingAsync("REC001"))!.Bags);
    }

    [Fact]
    public async Task OneFileReferenceForTwoPassengersBags_IsReported_InOneFileOrAgainstTheStore()
    {
        _import.Import(OperationsImportFile.BookingsHeader + "\n"
            + "REC001,REC001-1,Ana,Records,Gold,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR,,ana@example.com,psp_1,,0220123456 cc123456\n"
            + "REC001,REC001-2,Ben,Records,Basic,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR,,,psp_1,,0220654321\n");
        var (exit, _, error) = _import.Import(Table(OperationsImportFile.BagsHeader,
            "REC001,REC001-1,LHRCC12345,CC123456,CC10,2026-10-01,2026-10-01T14:00:00Z,Missing,",
            "REC001,REC001-2,LHRCC12345,0220654321,CC10,2026-10-01,2026-10-01T14:00:00Z,Missing,"));
        Assert.Equal(1, exit);
        Assert.Contains("line 3 (REC001): fileReference 'LHRCC12345' already names a bag of passenger 'REC001-1' on booking REC001", error, StringComparison.Ordinal);
        Assert.Empty((await _import.FindBookingAsync("REC001"))!.Bags);

        Assert.Equal(0, _import.Import(Table(OperationsImportFile.BagsHeader, "REC001,REC001-1,LHRCC12345,CC123456,CC10,2026-10-01,2026-10-01T14:00:00Z,Missing,")).Exit);
        (exit, _, error) = _import.Import(Table(OperationsImportFile.BagsHeader, "REC001,REC001-2,LHRCC12345,0220654321,CC10,2026-10-01,2026-10-01T14:00:00Z,Missing,"));
        Assert.Equal(1, exit);
        Assert.Contains("already names a bag of passenger 'REC001-1'", error, StringComparison.Ordinal);
        Assert.Single((await _import.FindBookingAsync("REC001"))!.Bags);
    }

    [Fact]
    public async Task ABagReportedBeforeItsFlightLeft_IsReported_AndTheGoodRowIsNotImportedEither()
    {
        var (exit, _, error) = _import.Import(Table(OperationsImportFile.BagsHeader,
            "REC001,REC001-1,LHRCC12345,CC123456,CC10,2026-10-01,2026-10-01T14:00:00Z,Missing,",
            "REC001,REC001-1,LHRCC12354,0220123456,CC10,2026-10-01,2026-10-01T07:00:00Z,Missing,"));

        Assert.Equal(1, exit);
        Assert.Contains("line 3 (REC001): reportedUtc must not be before the flight's scheduled departure (2026-10-01T08:00:00Z)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("line 2", error, StringComparison.Ordinal);
        Assert.Empty((await _import.FindBookingAsync("REC001"))!.Bags);
    }

    [Fact]
    public async Task RowsNamingAnUnknownBookingPassengerOrFlight_AreReportedByLine_AndNothingIsImported()
    {
        var (exit, _, error) = _import.Import(Table(OperationsImportFile.CabinsHeader,
            "REC001,REC001-1,CC10,2026-10-01,Business,Economy",
            "NOPE01,NOPE01-1,CC10,2026-10-01,Business,Economy",
            "REC001,REC001-9,CC10,2026-10-01,Business,Economy",
            "REC001,REC001-1,CC10,2026-10-02,Business,Economy"));

        Assert.Equal(1, exit);
        Assert.Contains("line 3 (NOPE01): recordLocator 'NOPE01' is not a booking in this import or in the store", error, StringComparison.Ordinal);
        Assert.Contains("line 4 (REC001): passengerId 'REC001-9' is not a passenger of booking REC001", error, StringComparison.Ordinal);
        Assert.Contains("line 5 (REC001): flight CC10 on 2026-10-02 is not a flight of booking REC001", error, StringComparison.Ordinal);
        Assert.Empty((await _import.FindBookingAsync("REC001"))!.Cabins);
    }

    [Fact]
    public async Task UnknownCabins_AreReportedByLine_NumbersIncluded()
    {
        var (exit, _, error) = _import.Import(Table(OperationsImportFile.CabinsHeader,
            "REC001,REC001-1,CC10,2026-10-01,Business,Economy",
            "REC001,REC001-2,CC10,2026-10-01,Premium,Economy",
            "REC001,REC001-2,CC10,2026-10-01,Business,0"));

        Assert.Equal(1, exit);
        Assert.Contains("line 3: bookedCabin 'Premium' must be one of Economy, PremiumEconomy, Business, First", error, StringComparison.Ordinal);
        Assert.Contains("line 4: flownCabin '0' must be one of", error, StringComparison.Ordinal);
        Assert.Empty((await _import.FindBookingAsync("REC001"))!.Cabins);
    }

    [Fact]
    public async Task BadRebookings_AreReportedByLine_AndNothingIsImported()
    {
        var (exit, _, error) = _import.Import(Table(OperationsImportFile.RebookingsHeader,
            "REC001,REC001-1,CC10,2026-10-01,CC12,2026-10-01",
            "REC001,REC001-2,CC10,2026-10-01,CC14,2026-10-01",
            "REC001,REC001-2,CC10,2026-10-01,CC10,2026-10-01",
            "REC001,REC001-2,CC11,2026-10-01,CC12,2026-10-01"));

        Assert.Equal(1, exit);
        Assert.Contains("line 3 (REC001): a replacement flight that does not exist: CC14 on 2026-10-01", error, StringComparison.Ordinal);
        Assert.Contains("line 4 (REC001): a flight cannot replace itself", error, StringComparison.Ordinal);
        Assert.Contains("line 5 (REC001): the replaced flight CC11 on 2026-10-01 is not a flight of booking REC001", error, StringComparison.Ordinal);
        Assert.Empty((await _import.FindBookingAsync("REC001"))!.Rebookings);
    }

    [Fact]
    public async Task RecordsForABookingWhoseFileIsRejected_AreRejectedToo()
    {
        var bookings = ImportedRecords.Bookings.Replace("REC001", "REC004", StringComparison.Ordinal).Replace("psp_1", "psp 1", StringComparison.Ordinal);
        var bags = ImportedRecords.Bags.Replace("REC001", "REC004", StringComparison.Ordinal);

        var (exit, output, error) = _import.Import(bookings, bags);

        Assert.Equal(1, exit);
        Assert.Contains("line 2 (REC004): recordLocator 'REC004' is not a booking in this import or in the store", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
        Assert.Null(await _import.FindBookingAsync("REC004"));
    }

    [Fact]
    public async Task AJsonBookingsRecords_AreCheckedLikeTableRows_AndNothingOfTheFileIsImported()
    {
        var json = """
            { "bookings": [ { "recordLocator": "REC005", "passengers": [ { "passengerId": "REC005-1", "firstName": "Ed", "lastName": "Records", "tier": "Basic", "bagTags": [ "LH654321" ] } ],
                "segments": [ { "flightNumber": "CC10", "origin": "FRA", "destination": "LHR", "scheduledDepartureUtc": "2026-10-01T08:00:00Z", "scheduledArrivalUtc": "2026-10-01T09:40:00Z", "fare": 90, "currency": "EUR" } ],
                "rebookings": [ { "passengerId": "REC005-1", "replacesFlightNumber": "CC10", "replacesDate": "2026-10-01", "flightNumber": "CC16", "scheduledDate": "2026-10-01" } ],
                "bags": [ { "fileReference": "LHRCC1", "bagTag": "LH654321", "passengerId": "REC005-1", "flightNumber": "CC10", "scheduledDate": "2026-10-01", "reportedUtc": "2026-10-01T15:00:00Z", "status": "Missing" } ] } ] }
            """;
        var numberedCabin = """
            { "bookings": [ { "recordLocator": "REC006", "passengers": [ { "passengerId": "REC006-1", "firstName": "Flo", "lastName": "Records", "tier": "Basic" } ],
                "segments": [ { "flightNumber": "CC10", "origin": "FRA", "destination": "LHR", "scheduledDepartureUtc": "2026-10-01T08:00:00Z", "scheduledArrivalUtc": "2026-10-01T09:40:00Z", "fare": 90, "currency": "EUR" } ],
                "cabins": [ { "passengerId": "REC006-1", "flightNumber": "CC10", "scheduledDate": "2026-10-01", "booked": 2, "flown": "Economy" } ] } ] }
            """;

        var (exit, _, error) = _import.Import(json, numberedCabin);

        Assert.Equal(1, exit);
        Assert.Contains("bookings[0] (REC005) bags[0]: fileReference 'LHRCC1' must be a station", error, StringComparison.Ordinal);
        Assert.Contains("$.bookings[0].cabins[0].booked", error, StringComparison.Ordinal);
        Assert.Null(await _import.FindBookingAsync("REC005"));
        Assert.Null(await _import.FindBookingAsync("REC006"));

        var (fixedExit, _, fixedError) = _import.Import(json.Replace("LHRCC1", "LHRCC10001", StringComparison.Ordinal));

        Assert.Equal(1, fixedExit);
        Assert.Contains("bookings[0] (REC005) rebookings[0]: a replacement flight that does not exist: CC16 on 2026-10-01", fixedError, StringComparison.Ordinal);
        Assert.Null(await _import.FindBookingAsync("REC005"));
    }

    [Fact]
    public async Task ABookingsRowWithAMalformedBagTag_IsReportedByLine_AndTheBookingIsNotImported()
    {
        var bookings = ImportedRecords.Bookings.Replace("REC001", "REC007", StringComparison.Ordinal).Replace("0220123456 cc123456", "0220123456 12345", StringComparison.Ordinal);

        var (exit, _, error) = _import.Import(bookings);

        Assert.Equal(1, exit);
        Assert.Contains("line 2 (REC007): bagTag '12345' of passenger 'REC007-1' must be a 10-digit licence plate", error, StringComparison.Ordinal);
        Assert.Null(await _import.FindBookingAsync("REC007"));
    }

    private static string Table(string header, params string[] rows) => header + "\n" + string.Join("\n", rows) + "\n";
}
