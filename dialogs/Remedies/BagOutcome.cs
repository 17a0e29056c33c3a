namespace CustomerCare.Remedies;

/// <summary>What the policy makes of a reported bag: delayed (interim purchases), lost (a Montreal Convention claim) or damaged.</summary>
public enum BagOutcome
{
    Delayed,
    Lost,
    Damaged,
}
