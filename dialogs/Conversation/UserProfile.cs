namespace CustomerCare.Conversation;

/// <summary>What the bot remembers about one user across conversations.</summary>
public sealed class UserProfile
{
    public DateTime? FirstSeenUtc { get; set; }

    public int Conversations { get; set; }

    public string? LastLocale { get; set; }
}
