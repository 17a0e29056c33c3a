using CustomerCare.Bot.Storage;
using CustomerCare.Ledger.Fairness;

namespace CustomerCare.Bot.Supervisors;

/// <summary>Builds the fairness report from the whole ledger and its refused second grants, optionally for grants in a date range.</summary>
public sealed class FairnessSource(LiteDbLedger ledger)
{
    public FairnessReport Build(DateOnly? from = null, DateOnly? to = null)
    {
        var start = from?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ?? DateTime.MinValue;
        var end = to?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ?? DateTime.MaxValue;
        return FairnessReportBuilder.Build(ledger.All().Where(e => e.GrantedUtc >= start && e.GrantedUtc < end), ledger.RefusedGrantReferences(start, end));
    }
}
