using CustomerCare.Ledger;
using CustomerCare.Ledger.Fairness;

namespace CustomerCare.Bot.Supervisors;

/// <summary>Builds the fairness report from the ledger's grants and refused second grants, optionally for grants in a date range.</summary>
public sealed class FairnessSource(ILedgerHistory ledger)
{
    public async Task<FairnessReport> BuildAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var start = from?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ?? DateTime.MinValue;
        var end = to?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ?? DateTime.MaxValue;
        var granted = await ledger.GrantedAsync(start, end, cancellationToken).ConfigureAwait(false);
        var refused = await ledger.RefusedGrantReferencesAsync(start, end, cancellationToken).ConfigureAwait(false);
        return FairnessReportBuilder.Build(granted, refused);
    }
}
