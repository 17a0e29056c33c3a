using System.Security.Cryptography;

namespace CustomerCare.Cases;

/// <summary>Case references customers can read aloud: "CC-" and six characters without look-alikes (no 0/O, 1/I).</summary>
public static class CaseReferences
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New() => "CC-" + RandomNumberGenerator.GetString(Alphabet, 6);
}
