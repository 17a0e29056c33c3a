using System.Globalization;
using System.Text;

namespace CustomerCare.Ledger.Fairness;

/// <summary>
/// The fairness report as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheets read "≥" and "–"): one line per
/// group and breakdown value, then one per agent override with its reason; invariant numbers.
/// </summary>
public static class FairnessCsv
{
    public const string Header = "kind,severityBand,currency,dimension,value,count,mean,standardDeviation,minimum,maximum,automaticShare,refusedSecondGrants,reason";

    public static string Write(FairnessReport report)
    {
        var csv = new StringBuilder().Append('\uFEFF').Append(Header).Append("\r\n");
        foreach (var group in report.Groups)
        {
            Line(csv, group, "all", "all", group.All);
            foreach (var cell in group.ByTier.Concat(group.ByChannel).Concat(group.ByAgent))
            {
                Line(csv, group, cell.Dimension, cell.Value, cell.Amounts);
            }
        }
        foreach (var o in report.Overrides)
        {
            var amount = o.Amount.ToString("0.00", CultureInfo.InvariantCulture);
            string[] fields = [o.Kind, o.SeverityBand, o.Currency, "override", o.Agent, "1", amount, "0.00", amount, amount, string.Empty, string.Empty, o.Reason];
            csv.AppendJoin(',', fields.Select(CsvField.Escape)).Append("\r\n");
        }
        return csv.ToString();
    }

    private static void Line(StringBuilder csv, FairnessGroup group, string dimension, string value, AmountStatistics amounts)
    {
        string[] fields =
        [
            group.Kind, group.SeverityBand, group.Currency, dimension, value,
            amounts.Count.ToString(CultureInfo.InvariantCulture),
            amounts.Mean.ToString("0.00", CultureInfo.InvariantCulture),
            amounts.StandardDeviation.ToString("0.00", CultureInfo.InvariantCulture),
            amounts.Minimum.ToString("0.00", CultureInfo.InvariantCulture),
            amounts.Maximum.ToString("0.00", CultureInfo.InvariantCulture),
            group.AutomaticShare.ToString("0.###", CultureInfo.InvariantCulture),
            group.RefusedSecondGrants.ToString(CultureInfo.InvariantCulture),
            string.Empty,
        ];
        csv.AppendJoin(',', fields.Select(CsvField.Escape)).Append("\r\n");
    }
}
