using CustomerCare.Ledger;

namespace CustomerCare.Grants;

/// <summary>
/// The choice a customer is offered: the remedies as money, or the same with the policy's vouchers in place of the
/// remedies it allows, each worth more than its cash and valid until a date.
/// </summary>
public sealed record VoucherOffer(IReadOnlyList<GrantedRemedy> Cash, IReadOnlyList<GrantedRemedy> WithVouchers, DateOnly ValidUntil);
