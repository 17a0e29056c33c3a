using CustomerCare.Bot.Cli;
using CustomerCare.Bot.Operations;
using CustomerCare.Bot.Storage;
using CustomerCare.Tests.Support;
using CustomerCare.Operations;

namespace CustomerCare.Tests.Operations;

public sealed class ImportCommandTests
{
    private readonly string _data = BotHost.TempDataPath();

    private (int Exit, string Output, string Error) Import(params string[] files)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ImportCommand.Run([.. files, "--data", _data], _data, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string Write(string content, string extension = ".csv")
    {
        var path = Path.Combine(Path.GetTempPath(), "customercare-tests", Guid.NewGuid().ToString("N") + extension);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<bool> HasBooking(string locator)
    {
        using var file = LiteDbFile.Open(_data);
        using var writer = new LiteDbWriter(file);
        return await new LiteDbOperationsData(file.Database, writer).FindBookingAsync(locator, CancellationToken.None) is not null;
    }

    [Fact]
    public async Task ValidCsvFiles_AreImported_AndBookingsGroupPassengersAndFlights()
    {
        var bookings = Write(OperationsImportFile.BookingsHeaderWithoutTickets + "\n" +
            "IMP001,IMP001-1,Ana,Import,Gold,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR\n" +
            "IMP001,IMP001-2,Ben,Import,Basic,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR\n");
        var flights = Write(OperationsImportFile.FlightsHeaderWithoutUkCarrier + "\n" +
            "CC10,2026-10-01,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,2026-10-01T11:30:00Z,2026-10-01T13:05:00Z,false,,,,TECHNICAL,false,true\n");

        var (exit, output, _) = Import(bookings, flights);

        Assert.Equal(0, exit);
        Assert.Contains("imported 1 booking(s)", output, StringComparison.Ordinal);
        Assert.Contains("imported 0 booking(s) and 1 flight record(s)", output, StringComparison.Ordinal);
        Assert.True(await HasBooking("IMP001"));
    }

    [Fact]
    public async Task FileWithBadRows_IsReportedByLine_AndNothingOfItIsImported()
    {
        var bookings = Write(OperationsImportFile.BookingsHeaderWithoutTickets + "\n" +
            "IMP002,IMP002-1,Ana,Import,Gold,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR\n" +
            "IMP003,IMP003-1,Cy,Import,Diamond,CC11,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR\n" +
            "IMP004,IMP004-1,Di,Import,Basic,CC12,FRA,XXX,2026-10-01T08:00:00Z,2026-10-01T07:40:00Z,150.00,EUR\n" +
            "IMP005,IMP005-1,Ed,Import,Basic,CC13,FRA,LHR,yesterday,2026-10-01T09:40:00Z,150.00,EUR\n" +
            "too,few,columns\n");

        var (exit, _, error) = Import(bookings);

        Assert.Equal(1, exit);
        Assert.Contains("line 3: tier 'Diamond'", error, StringComparison.Ordinal);
        Assert.Contains("line 4 (IMP004): destination 'XXX' is not a known airport", error, StringComparison.Ordinal);
        Assert.Contains("line 4 (IMP004): scheduledArrivalUtc must be after scheduledDepartureUtc", error, StringComparison.Ordinal);
        Assert.Contains("line 5: scheduledDepartureUtc 'yesterday'", error, StringComparison.Ordinal);
        Assert.Contains("line 6: expected 12 comma-separated columns, found 3", error, StringComparison.Ordinal);
        Assert.Contains("nothing imported", error, StringComparison.Ordinal);
        Assert.False(await HasBooking("IMP002"));
    }

    [Fact]
    public async Task BookingsWithTicketNumbers_AreImported_AndAMalformedTicketNumberIsReported()
    {
        var good = Write(OperationsImportFile.BookingsHeaderWithoutPayments + "\n" +
            "IMP007,IMP007-1,Ana,Import,Gold,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR,220-1234567890\n" +
            "IMP007,IMP007-2,Ben,Import,Basic,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR,\n");
        var bad = Write(OperationsImportFile.BookingsHeaderWithoutPayments + "\n" +
            "IMP008,IMP008-1,Cy,Import,Gold,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR,12345\n");

        var (exit, _, _) = Import(good);
        var (badExit, _, error) = Import(bad);

        Assert.Equal((0, 1), (exit, badExit));
        using (var file = LiteDbFile.Open(_data))
        using (var writer = new LiteDbWriter(file))
        {
            var booking = await new LiteDbOperationsData(file.Database, writer).FindBookingAsync("IMP007", CancellationToken.None);
            Assert.Equal(["220-1234567890", null], booking!.Passengers.Select(p => p.TicketNumber));
        }
        Assert.Contains("line 2 (IMP008): ticketNumber '12345' must be an e-ticket number", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BookingsWithEMailsAndAPaymentReference_AreImported_AndBadOnesAreReportedByLine()
    {
        var good = Write(OperationsImportFile.BookingsHeaderWithoutFareTypes + "\n" +
            "IMP009,IMP009-1,Ana,Import,Gold,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR,,ana@example.com,psp_9f3a\n" +
            "IMP009,IMP009-2,Ben,Import,Basic,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR,,,psp_9f3a\n");
        var bad = Write(OperationsImportFile.BookingsHeaderWithoutFareTypes + "\n" +
            "IMP010,IMP010-1,Cy,Import,Gold,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR,,not-an-address,psp 1\n" +
            "IMP011,IMP011-1,Di,Import,Gold,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR,,,psp_a\n" +
            "IMP011,IMP011-2,Ed,Import,Gold,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR,,,psp_b\n");

        var (exit, _, _) = Import(good);
        var (badExit, _, error) = Import(bad);

        Assert.Equal((0, 1), (exit, badExit));
        using (var file = LiteDbFile.Open(_data))
        using (var writer = new LiteDbWriter(file))
        {
            var booking = (await new LiteDbOperationsData(file.Database, writer).FindBookingAsync("IMP009", CancellationToken.None))!;
            Assert.Equal(("psp_9f3a", "ana@example.com", (string?)null), (booking.PaymentReference, booking.Passengers[0].Email, booking.Passengers[1].Email));
            Assert.Equal("ana@example.com", booking.EmailFor(booking.Passengers[1]));
        }
        Assert.Contains("line 2 (IMP010): email of passenger 'IMP010-1' must be an e-mail address", error, StringComparison.Ordinal);
        Assert.Contains("line 2 (IMP010): paymentReference 'psp 1' must be", error, StringComparison.Ordinal);
        Assert.Contains("line 3 (IMP011): the booking's rows give different paymentReference values", error, StringComparison.Ordinal);
        Assert.False(await HasBooking("IMP011"));
    }

    [Fact]
    public async Task FareTypes_AreImported_AndAnUnknownOneIsReportedByLine_WithNothingImported()
    {
        var good = Write(OperationsImportFile.BookingsHeaderWithoutBagTags + "\n" +
            "IMP012,IMP012-1,Ana,Import,Gold,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR,,ana@example.com,psp_9f3a,\n" +
            "IMP012,IMP012-2,Ben,Import,Basic,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,0,EUR,,,psp_9f3a,FreeOfCharge\n" +
            "IMP012,IMP012-3,Cy,Import,Basic,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,30.00,EUR,,,psp_9f3a,notavailabletopublic\n");
        var bad = Write(OperationsImportFile.BookingsHeaderWithoutBagTags + "\n" +
            "IMP013,IMP013-1,Di,Import,Gold,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR,,,psp_a,\n" +
            "IMP014,IMP014-1,Ed,Import,Gold,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR,,,psp_b,Gratis\n");
        var badJson = Write("{ \"bookings\": [ { \"recordLocator\": \"IMP015\", \"passengers\": [ { \"passengerId\": \"IMP015-1\", \"firstName\": \"Flo\", \"lastName\": \"Import\", \"tier\": \"Basic\", \"fareType\": 7 } ], " +
            "\"segments\": [ { \"flightNumber\": \"CC10\", \"origin\": \"FRA\", \"destination\": \"LHR\", \"scheduledDepartureUtc\": \"2026-10-01T08:00:00Z\", \"scheduledArrivalUtc\": \"2026-10-01T09:40:00Z\", \"fare\": 10, \"currency\": \"EUR\" } ] } ] }", ".json");

        var (exit, _, _) = Import(good);
        var (badExit, _, error) = Import(bad);
        var (badJsonExit, _, jsonError) = Import(badJson);

        Assert.Equal((0, 1, 1), (exit, badExit, badJsonExit));
        using (var file = LiteDbFile.Open(_data))
        using (var writer = new LiteDbWriter(file))
        {
            var booking = (await new LiteDbOperationsData(file.Database, writer).FindBookingAsync("IMP012", CancellationToken.None))!;
            Assert.Equal([FareType.Public, FareType.FreeOfCharge, FareType.NotAvailableToPublic], booking.Passengers.Select(p => p.FareType).ToArray());
        }
        Assert.Contains("line 3: fareType 'Gratis' must be empty or one of Public, FreeOfCharge, NotAvailableToPublic", error, StringComparison.Ordinal);
        Assert.Contains("fareType of passenger 'IMP015-1' must be one of", jsonError, StringComparison.Ordinal);
        Assert.False(await HasBooking("IMP013"));
        Assert.False(await HasBooking("IMP015"));
    }

    [Fact]
    public void MalformedJson_IsReportedWithItsLine()
    {
        var json = Write("{\n  \"bookings\": [\n    { \"recordLocator\": \"IMP006\", \n  ]\n}\n", ".json");

        var (exit, _, error) = Import(json);

        Assert.Equal(1, exit);
        Assert.Contains("line 4", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCsvHeader_NamesTheExpectedHeaders()
    {
        var (exit, _, error) = Import(Write("locator,name\nX,Y\n"));

        Assert.Equal(1, exit);
        Assert.Contains("unknown header", error, StringComparison.Ordinal);
        Assert.Contains(OperationsImportFile.FlightsHeader, error, StringComparison.Ordinal);
    }
}
