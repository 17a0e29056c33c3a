using System.Security.Cryptography;

namespace CustomerCare.Ledger;

/// <summary>Grant references customers can read aloud: "G-" and eight characters without look-alikes.</summary>
public static class LedgerReferences
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New() => "G-" + RandomNumberGenerator.GetString(Alphabet, 8);
}
