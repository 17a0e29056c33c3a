using System.Security.Cryptography;

namespace CustomerCare.Ledger;

/// <summary>Approval references: "A-" and six characters without look-alikes.</summary>
public static class ApprovalReferences
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New() => "A-" + RandomNumberGenerator.GetString(Alphabet, 6);
}
