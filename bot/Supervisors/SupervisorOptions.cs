using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Bot.Supervisors;

/// <summary>The "Supervisors" configuration section: who may sign in, and how long what the bot holds is kept.</summary>
public sealed class SupervisorOptions
{
    public const string Section = "Supervisors";

    /// <summary>The Entra ID app role (the token's "roles" claim) that opens the supervisors' pages.</summary>
    [Required]
    public string Role { get; set; } = "Supervisor";

    /// <summary>The app role of agents: they may read the transcript of a case (from the link on its card), nothing else here.</summary>
    [Required]
    public string AgentRole { get; set; } = "Agent";

    /// <summary>Allows the clearly marked development sign-in. Defaults to true in the Development environment only; never with Entra ID configured.</summary>
    public bool? DevelopmentSignIn { get; set; }

    /// <summary>
    /// The retention period of every collection (<see cref="IRetentionStore"/>): conversations inactive longer are deleted
    /// with all that belongs to them, cases closed longer ago too, and grants made longer ago are pseudonymised once paid
    /// (grants stay). 0 keeps everything forever.
    /// </summary>
    [Range(0, 36500)]
    public int TranscriptRetentionDays { get; set; } = 365;

    /// <summary>How often the retention job runs.</summary>
    [Range(1, 1440)]
    public int RetentionCheckMinutes { get; set; } = 60;

    public EntraIdOptions EntraId { get; set; } = new();
}

/// <summary>Microsoft Entra ID (OpenID Connect) for supervisors: an app registration with a "Supervisor" app role.</summary>
public sealed class EntraIdOptions
{
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Leave true in production; false only to test against a local identity provider over HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId);
}
