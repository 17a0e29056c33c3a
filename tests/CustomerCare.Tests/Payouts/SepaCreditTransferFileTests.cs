using System.Text;
using System.Xml.Linq;
using CustomerCare.Payouts;

namespace CustomerCare.Tests.Payouts;

/// <summary>The pain.001.001.03 file finance takes to the bank: valid against ISO 20022's published schema, with sums that add up.</summary>
public sealed class SepaCreditTransferFileTests
{
    private static readonly XNamespace Pain = SepaCreditTransferFile.Namespace;
    private static readonly DateTime Handed = new(2026, 12, 1, 10, 30, 0, DateTimeKind.Utc);
    private static readonly SepaDebtor Airline = new("CustomerCare Airline", "DE02120300000000202051", "BYLADEM1001");

    private static PayoutState Transfer(string reference, decimal amount, string holder, string iban, int revision = 0)
    {
        var instruction = new PayoutInstruction(reference, "P-" + reference, holder, "DEMO01", [new PayoutAmount(amount, "EUR")], PayoutMethod.OriginalPaymentMethod,
            ["EU261 Art. 7(1)(c)"], "2026.1", Handed.AddDays(-1)).To(new BankAccount(iban, holder));
        return new PayoutState(instruction, PayoutStatus.Waiting, 0, Handed) { Revision = revision }.HandedOver("CC20261201103000-0A1B2C3D", Handed);
    }

    private static readonly PayoutState[] Transfers =
    [
        Transfer("G-AAAA0001", 600m, "Jürgen Müller-Lüdenscheidt", "DE89370400440532013000"),
        Transfer("G-AAAA0002", 250.005m, "Zoë Façade & Co <script>", "FR1420041010050500013M02606", revision: 2),
        Transfer("G-AAAA0003", 24m, "Ana Ibáñez", "ES9121000418450200051332"),
    ];

    [Fact]
    public void TheFile_IsValidAgainstThePublishedSchema()
    {
        var file = SepaCreditTransferFile.Write("CC20261201103000-0A1B2C3D", Airline, Transfers);

        Assert.Empty(PublishedSchemas.Errors(file, PublishedSchemas.Pain001()));
    }

    [Fact]
    public void TheSchema_RefusesAFileWithoutItsDebtor_SoTheCheckAboveCanFail()
    {
        var document = XDocument.Load(new MemoryStream(SepaCreditTransferFile.Write("CC1", Airline, Transfers)));
        document.Descendants(Pain + "Dbtr").Single().Remove();
        var broken = Encoding.UTF8.GetBytes(document.ToString());

        Assert.NotEmpty(PublishedSchemas.Errors(broken, PublishedSchemas.Pain001()));
    }

    [Fact]
    public void TheSums_AddUp_InCents_AndEachTransferCarriesItsGrantAndVersion()
    {
        var document = XDocument.Load(new MemoryStream(SepaCreditTransferFile.Write("CC20261201103000-0A1B2C3D", Airline, Transfers)));
        var header = document.Descendants(Pain + "GrpHdr").Single();
        var transactions = document.Descendants(Pain + "CdtTrfTxInf").ToList();

        Assert.Equal(("CC20261201103000-0A1B2C3D", "3", "874.01", "2026-12-01T10:30:00"),
            (header.Element(Pain + "MsgId")!.Value, header.Element(Pain + "NbOfTxs")!.Value, header.Element(Pain + "CtrlSum")!.Value, header.Element(Pain + "CreDtTm")!.Value));
        Assert.Equal(["600.00", "250.01", "24.00"], transactions.Select(t => t.Descendants(Pain + "InstdAmt").Single().Value));
        Assert.Equal(["G-AAAA0001", "G-AAAA0002", "G-AAAA0003"], transactions.Select(t => t.Descendants(Pain + "EndToEndId").Single().Value));
        Assert.Equal("G-AAAA0002-2", transactions[1].Descendants(Pain + "InstrId").Single().Value);
        Assert.Equal(["Juergen Mueller-Luedenscheidt", "Zoe Facade Co script", "Ana Ibanez"], transactions.Select(t => t.Element(Pain + "Cdtr")!.Element(Pain + "Nm")!.Value));
        Assert.Equal("FR1420041010050500013M02606", transactions[1].Descendants(Pain + "IBAN").Single().Value);
    }

    [Fact]
    public void TheSameBatch_WrittenAgain_IsTheSameFile()
        => Assert.Equal(SepaCreditTransferFile.Write("CC1", Airline, Transfers), SepaCreditTransferFile.Write("CC1", Airline, Transfers));

    [Fact]
    public void OnlyWaitingEuroBankTransfers_GoInAFile()
    {
        var card = new PayoutState(new PayoutInstruction("G-C", "P", "A", "DEMO01", [new PayoutAmount(10m, "EUR")], PayoutMethod.OriginalPaymentMethod, [], "v", Handed), PayoutStatus.Waiting, 0, Handed);
        var pounds = new PayoutState(card.Instruction with { Amounts = [new PayoutAmount(10m, "GBP")] }, PayoutStatus.Waiting, 0, Handed);
        var account = new BankAccount("DE89370400440532013000", "A");
        var euroTransfer = card with { Instruction = card.Instruction.To(account) };
        var poundTransfer = pounds with { Instruction = pounds.Instruction.To(account) };

        Assert.Equal([false, false, true, false], [card.GoesInSepaFile, poundTransfer.GoesInSepaFile, euroTransfer.GoesInSepaFile, Transfers[0].GoesInSepaFile]);
    }
}
