using System.ComponentModel.DataAnnotations;
using CustomerCare.Payouts;

namespace CustomerCare.Bot.Payouts;

/// <summary>
/// Delivery of payout instructions to finance (<c>Payouts:*</c>). Without <see cref="WebhookUrl"/> instructions wait in
/// the store for finance to download; with it, each is posted there, signed with <see cref="SigningSecret"/>, which
/// also signs finance's status reports.
/// </summary>
public sealed class PayoutOptions : IValidatableObject
{
    public const string Section = "Payouts";

    /// <summary>Finance's webhook (http or https); empty: instructions wait in the store.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The shared secret of the HMAC-SHA256 signatures, at least 32 characters.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>What the customer is told: the money reaches them within this many days of the grant.</summary>
    [Range(1, 90)]
    public int PaidWithinDays { get; set; } = 7;

    /// <summary>How long one delivery may take before it counts as timed out.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Tries before an instruction stops as failed (then a supervisor may retry it).</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 30;

    /// <summary>The wait after the first failed try; each later wait doubles, up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    [Range(1, 3600)]
    public int FirstRetryDelaySeconds { get; set; } = 2;

    [Range(1, 86400)]
    public int MaxRetryDelaySeconds { get; set; } = 900;

    /// <summary>How often each instance looks for due instructions.</summary>
    [Range(50, 60000)]
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>How often each instance looks for rejected payouts whose customer is still to be told.</summary>
    [Range(1, 3600)]
    public int NoticeSeconds { get; set; } = 30;

    /// <summary>Instructions one look takes at most.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>The airline's account SEPA credit-transfer files pay from: the holder's name…</summary>
    public string? SepaDebtorName { get; set; }

    /// <summary>…its IBAN…</summary>
    public string? SepaDebtorIban { get; set; }

    /// <summary>…and its bank's BIC (optional: IBAN-only transfers).</summary>
    public string? SepaDebtorBic { get; set; }

    /// <summary>The debtor of SEPA files; null until name and IBAN are set.</summary>
    public SepaDebtor? SepaDebtor => !string.IsNullOrWhiteSpace(SepaDebtorName) && Iban.TryParse(SepaDebtorIban, out var iban)
        ? new SepaDebtor(SepaDebtorName.Trim(), iban.Value, string.IsNullOrWhiteSpace(SepaDebtorBic) ? null : SepaDebtorBic.Trim().ToUpperInvariant())
        : null;

    /// <summary>How long a one-time code for a change of payout account is valid.</summary>
    [Range(1, 60)]
    public int CodeLifetimeMinutes { get; set; } = 10;

    /// <summary>One-time codes one conversation may have sent at most.</summary>
    [Range(1, 20)]
    public int MaxCodesPerConversation { get; set; } = 3;

    /// <summary>One-time codes one payout may have sent a day, from every conversation together.</summary>
    [Range(1, 20)]
    public int MaxCodesPerPayoutPerDay { get; set; } = 3;

    public PayoutRetryPolicy Retries => new(TimeSpan.FromSeconds(FirstRetryDelaySeconds), TimeSpan.FromSeconds(MaxRetryDelaySeconds), MaxAttempts);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(WebhookUrl)
            && (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("Payouts:WebhookUrl must be an absolute http or https URL.", [nameof(WebhookUrl)]);
        }
        if (!string.IsNullOrWhiteSpace(WebhookUrl) && (SigningSecret?.Length ?? 0) < 32)
        {
            yield return new ValidationResult("Payouts:SigningSecret must be set, at least 32 characters, when Payouts:WebhookUrl is.", [nameof(SigningSecret)]);
        }
        if (!string.IsNullOrWhiteSpace(SepaDebtorIban) && !Iban.TryParse(SepaDebtorIban, out _))
        {
            yield return new ValidationResult("Payouts:SepaDebtorIban must be a valid IBAN.", [nameof(SepaDebtorIban)]);
        }
        if (!string.IsNullOrWhiteSpace(SepaDebtorBic) && !System.Text.RegularExpressions.Regex.IsMatch(SepaDebtorBic.Trim(), "^[A-Za-z]{6}[A-Za-z0-9]{2}([A-Za-z0-9]{3})?$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(250)))
        {
            yield return new ValidationResult("Payouts:SepaDebtorBic must be a BIC of 8 or 11 letters and digits.", [nameof(SepaDebtorBic)]);
        }
        if (!string.IsNullOrEmpty(SigningSecret) && SigningSecret.Length < 32)
        {
            yield return new ValidationResult("Payouts:SigningSecret must be at least 32 characters.", [nameof(SigningSecret)]);
        }
    }
}
