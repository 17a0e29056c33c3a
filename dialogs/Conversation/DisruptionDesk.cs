using CustomerCare.Airports;
using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Conversation;

/// <summary>What the disruption conversation consults: bookings and operations data, the ledger, the policy, the airports.</summary>
public sealed record DisruptionDesk(IOperationsData Operations, ICompensationLedger Ledger, RemedyPolicyEngine Policy, AirportDirectory Airports);
