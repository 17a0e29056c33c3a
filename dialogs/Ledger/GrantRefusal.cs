namespace CustomerCare.Ledger;

/// <summary>Why nothing was granted. Each is a rule of the one grant path, whoever asked.</summary>
public enum GrantRefusal
{
    /// <summary>The customer did not confirm.</summary>
    NotConfirmed,

    /// <summary>Nothing positive to grant.</summary>
    NothingChosen,

    VoucherWithoutConsent,

    VoucherWorthLessThanCash,

    /// <summary>An amount of zero or less.</summary>
    NotPositive,

    /// <summary>A currency without an authority limit or exchange rate.</summary>
    UnknownCurrency,

    /// <summary>An override in another currency than the booking's.</summary>
    NotBookingCurrency,

    /// <summary>An override without a reason.</summary>
    ReasonRequired,

    /// <summary>An override worth less than what the policy proposes: the legal entitlements are the floor for everyone.</summary>
    BelowProposal,

    /// <summary>The booking, passenger or journey is not identified.</summary>
    NotIdentified,

    /// <summary>The operations data has no record of a flight of the journey.</summary>
    NoOperationsRecord,

    /// <summary>The operations data does not show the reported disruption, or cannot establish the arrival at the final destination.</summary>
    FactsNotEstablished,

    /// <summary>The policy gives nothing to grant.</summary>
    NothingDue,

    /// <summary>The policy needs a person's decision; the bot may not grant it.</summary>
    NeedsPerson,

    /// <summary>The proposal changed between being shown and being confirmed.</summary>
    ProposalChanged,

    /// <summary>The actor may not act on this case (not the agent who holds it).</summary>
    NotTheHolder,

    ApprovalNotFound,

    /// <summary>The approval was already approved or declined.</summary>
    AlreadyDecided,

    /// <summary>Nobody approves their own request.</summary>
    OwnRequest,

    /// <summary>Only a supervisor approves.</summary>
    NotASupervisor,
}
