namespace CustomerCare.Airports;

/// <summary>
/// Which passenger-rights regulation an airport's territory falls under, by the regulations' own rules:
/// <list type="bullet">
/// <item>EU261 (Art. 3(1)): the territory of the member states to which the Treaties apply, including the outermost
/// regions of Art. 349 TFEU (Guadeloupe, French Guiana, Martinique, Mayotte, Réunion and Saint-Martin, which have ISO
/// codes of their own; the Azores, Madeira and the Canary Islands, which are regions of Portugal and Spain), and by
/// agreement the EEA states (Iceland, Liechtenstein, Norway) and Switzerland. Not the Faroe Islands or Greenland, not
/// the overseas countries and territories (Saint-Barthélemy, French Polynesia, New Caledonia, Aruba, Curaçao, Sint
/// Maarten, the Caribbean Netherlands, …), not Svalbard (outside the EEA Agreement), and not the part of Cyprus where
/// the government does not exercise control (Protocol No 10: Ercan).</item>
/// <item>UK261: the United Kingdom — not Gibraltar or the Crown Dependencies (Jersey, Guernsey, the Isle of Man).</item>
/// <item>US DOT (14 CFR 250, 260): the United States and its territories (Puerto Rico, the US Virgin Islands, Guam,
/// American Samoa, the Northern Mariana Islands, the minor outlying islands).</item>
/// </list>
/// </summary>
public static class RegulatoryRegions
{
    public static readonly IReadOnlySet<string> MemberStates = new HashSet<string>(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    };

    /// <summary>Outermost regions (Art. 349 TFEU) with ISO 3166 codes of their own; the Azores, Madeira and the Canaries are coded as Portugal and Spain.</summary>
    public static readonly IReadOnlySet<string> OutermostRegions = new HashSet<string>(StringComparer.Ordinal) { "GP", "GF", "MQ", "YT", "RE", "MF" };

    /// <summary>Where EU261 applies by the EEA Agreement, and by the EU–Swiss air transport agreement.</summary>
    public static readonly IReadOnlySet<string> ByAgreement = new HashSet<string>(StringComparer.Ordinal) { "IS", "LI", "NO", "CH" };

    public static readonly IReadOnlySet<string> UsTerritories = new HashSet<string>(StringComparer.Ordinal) { "US", "PR", "VI", "GU", "AS", "MP", "UM" };

    /// <summary>Subdivisions of such a state where the regulation does not apply: Svalbard (NO-21).</summary>
    public static readonly IReadOnlySet<string> ExcludedSubdivisions = new HashSet<string>(StringComparer.Ordinal) { "NO-21" };

    /// <summary>Airports in a member state's territory where EU law is suspended: Ercan, in the north of Cyprus (Protocol No 10).</summary>
    public static readonly IReadOnlySet<string> ExcludedAirports = new HashSet<string>(StringComparer.Ordinal) { "ECN" };

    /// <param name="country">ISO 3166-1 alpha-2 code.</param>
    /// <param name="subdivision">ISO 3166-2 code (e.g. "ES-CN"), where known.</param>
    /// <param name="iata">The airport's code, where known.</param>
    public static RegulatoryRegion Of(string country, string? subdivision = null, string? iata = null)
    {
        if ((subdivision is not null && ExcludedSubdivisions.Contains(subdivision)) || (iata is not null && ExcludedAirports.Contains(iata)))
        {
            return RegulatoryRegion.Other;
        }
        if (MemberStates.Contains(country) || OutermostRegions.Contains(country) || ByAgreement.Contains(country))
        {
            return RegulatoryRegion.EU;
        }
        if (country == "GB")
        {
            return RegulatoryRegion.UK;
        }
        return UsTerritories.Contains(country) ? RegulatoryRegion.US : RegulatoryRegion.Other;
    }
}
