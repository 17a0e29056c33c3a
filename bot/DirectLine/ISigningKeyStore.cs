namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// Where the Direct Line token signing key is kept when configuration gives none: created once, by whichever instance
/// comes first, and the same for every instance after that and after every restart.
/// </summary>
public interface ISigningKeyStore
{
    /// <summary>The kept key, or the one given, kept now if none was.</summary>
    byte[] GetOrAdd(byte[] created);
}
