using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Bot.Teams;

/// <summary>
/// What agents may grant on their own (<c>Agents:AuthorityLimits:EUR</c>, <c>:USD</c>, <c>:GBP</c>, …) and the rate
/// table (<c>Agents:ExchangeRates:USD</c> = the value of one US dollar in euros) that counts a grant in several
/// currencies in one. Above the limit a supervisor approves; a currency missing from either table is refused.
/// </summary>
public sealed class AgentsOptions : IValidatableObject
{
    public const string Section = "Agents";

    public Dictionary<string, decimal> AuthorityLimits { get; set; } = new(StringComparer.Ordinal)
    {
        ["EUR"] = 1000m,
        ["USD"] = 1100m,
        ["GBP"] = 850m,
        ["CHF"] = 950m,
    };

    public Dictionary<string, decimal> ExchangeRates { get; set; } = new(StringComparer.Ordinal)
    {
        ["EUR"] = 1m,
        ["USD"] = 0.86m,
        ["GBP"] = 1.15m,
        ["CHF"] = 1.07m,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (currency, limit) in AuthorityLimits)
        {
            if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
            {
                yield return new ValidationResult($"Agents:AuthorityLimits:{currency} is not an ISO 4217 currency code (three capital letters).");
            }
            if (limit < 0)
            {
                yield return new ValidationResult($"Agents:AuthorityLimits:{currency} must not be negative.");
            }
            if (!ExchangeRates.ContainsKey(currency))
            {
                yield return new ValidationResult($"Agents:ExchangeRates:{currency} is missing: every currency with a limit needs a rate.");
            }
        }
        foreach (var (currency, rate) in ExchangeRates)
        {
            if (rate <= 0)
            {
                yield return new ValidationResult($"Agents:ExchangeRates:{currency} must be above 0.");
            }
        }
    }
}
