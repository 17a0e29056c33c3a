using System.Globalization;
using System.Text;
using System.Xml;

namespace CustomerCare.Payouts;

/// <summary>
/// SEPA credit transfers as an ISO 20022 <c>pain.001.001.03</c> file (the version every SEPA bank takes): one
/// payment from the airline's account, one transaction per instruction, the grant reference as end-to-end id.
/// Written from the instructions alone, so a file written again for the same batch is the same file.
/// </summary>
public static class SepaCreditTransferFile
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

    public static byte[] Write(string messageId, SepaDebtor debtor, IReadOnlyList<PayoutState> payouts)
    {
        if (payouts.Count == 0)
        {
            throw new ArgumentException("A credit-transfer file holds at least one transfer.", nameof(payouts));
        }
        var created = payouts.Min(p => p.SentUtc ?? p.Instruction.GrantedUtc);
        var total = payouts.Sum(Total);
        var count = payouts.Count.ToString(CultureInfo.InvariantCulture);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Document", Namespace);
            xml.WriteStartElement("CstmrCdtTrfInitn");
            xml.WriteStartElement("GrpHdr");
            xml.WriteElementString("MsgId", messageId);
            xml.WriteElementString("CreDtTm", created.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
            xml.WriteElementString("NbOfTxs", count);
            xml.WriteElementString("CtrlSum", Amount(total));
            Party(xml, "InitgPty", debtor.Name);
            xml.WriteEndElement();

            xml.WriteStartElement("PmtInf");
            xml.WriteElementString("PmtInfId", messageId);
            xml.WriteElementString("PmtMtd", "TRF");
            xml.WriteElementString("NbOfTxs", count);
            xml.WriteElementString("CtrlSum", Amount(total));
            xml.WriteStartElement("PmtTpInf");
            xml.WriteStartElement("SvcLvl");
            xml.WriteElementString("Cd", "SEPA");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteElementString("ReqdExctnDt", created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Party(xml, "Dbtr", debtor.Name);
            Account(xml, "DbtrAcct", debtor.Iban);
            xml.WriteStartElement("DbtrAgt");
            xml.WriteStartElement("FinInstnId");
            if (debtor.Bic is { Length: > 0 } bic)
            {
                xml.WriteElementString("BIC", bic);
            }
            else
            {
                xml.WriteStartElement("Othr");
                xml.WriteElementString("Id", "NOTPROVIDED");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteElementString("ChrgBr", "SLEV");
            foreach (var payout in payouts)
            {
                Transfer(xml, payout);
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    private static void Transfer(XmlWriter xml, PayoutState payout)
    {
        var instruction = payout.Instruction;
        var account = instruction.Account ?? throw new ArgumentException($"{payout.Reference} is not a bank transfer.", nameof(payout));
        xml.WriteStartElement("CdtTrfTxInf");
        xml.WriteStartElement("PmtId");
        xml.WriteElementString("InstrId", SepaText.Of(payout.DeliveryKey, 35));
        xml.WriteElementString("EndToEndId", SepaText.Of(instruction.Reference, 35));
        xml.WriteEndElement();
        xml.WriteStartElement("Amt");
        xml.WriteStartElement("InstdAmt");
        xml.WriteAttributeString("Ccy", "EUR");
        xml.WriteString(Amount(Total(payout)));
        xml.WriteEndElement();
        xml.WriteEndElement();
        Party(xml, "Cdtr", account.Holder);
        Account(xml, "CdtrAcct", account.Iban);
        xml.WriteStartElement("RmtInf");
        xml.WriteElementString("Ustrd", SepaText.Of($"Compensation {instruction.Reference} booking {instruction.BookingReference} {string.Join(" ", instruction.Rules)}", 140));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Party(XmlWriter xml, string element, string name)
    {
        xml.WriteStartElement(element);
        xml.WriteElementString("Nm", SepaText.Of(name, 70));
        xml.WriteEndElement();
    }

    private static void Account(XmlWriter xml, string element, string iban)
    {
        xml.WriteStartElement(element);
        xml.WriteStartElement("Id");
        xml.WriteElementString("IBAN", iban);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>A transfer's amount, in cents: the sums in the header add up exactly.</summary>
    private static decimal Total(PayoutState payout) => decimal.Round(payout.Instruction.Amounts.Sum(a => a.Amount), 2, MidpointRounding.AwayFromZero);

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
