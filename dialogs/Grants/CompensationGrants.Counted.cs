using CustomerCare.Ledger;

namespace CustomerCare.Grants;

/// <summary>The grant path's public entries: each decides, then counts what it came to (see <c>CustomerCareMetrics.GrantDecided</c>).</summary>
public sealed partial class CompensationGrants
{
    /// <inheritdoc cref="DecideProposalAsync"/>
    public async Task<GrantOutcome> GrantProposalAsync(DisruptionClaim claim, GrantActor actor, IReadOnlyList<GrantedRemedy>? confirmed, string? caseReference, CancellationToken cancellationToken,
        RemedyChoice? choice = null)
        => Counted(await DecideProposalAsync(claim, actor, confirmed, caseReference, cancellationToken, choice).ConfigureAwait(false), actor);

    /// <inheritdoc cref="DecideOverrideAsync"/>
    public async Task<GrantOutcome> OverrideAsync(DisruptionClaim claim, decimal amount, string currency, string? reason, GrantActor agent, string? caseReference, CancellationToken cancellationToken)
        => Counted(await DecideOverrideAsync(claim, amount, currency, reason, agent, caseReference, cancellationToken).ConfigureAwait(false), agent);

    /// <inheritdoc cref="DecideApprovalAsync"/>
    public async Task<GrantOutcome> ApproveAsync(string approvalId, GrantActor supervisor, CancellationToken cancellationToken)
        => Counted(await DecideApprovalAsync(approvalId, supervisor, cancellationToken).ConfigureAwait(false), supervisor);

    private GrantOutcome Counted(GrantOutcome outcome, GrantActor actor)
    {
        metrics?.GrantDecided(outcome, actor);
        return outcome;
    }
}
