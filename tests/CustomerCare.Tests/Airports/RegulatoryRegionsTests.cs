using CustomerCare.Airports;

namespace CustomerCare.Tests.Airports;

/// <summary>Every rule of where EU261, UK261 and the US DOT rules apply, by country and in the embedded airport data.</summary>
public sealed class RegulatoryRegionsTests
{
    public static TheoryData<string> MemberStates => new(RegulatoryRegions.MemberStates);

    [Theory]
    [MemberData(nameof(MemberStates))]
    public void EveryMemberState_IsUnderEu261(string country) => Assert.Equal(RegulatoryRegion.EU, RegulatoryRegions.Of(country));

    [Fact]
    public void TheMemberStates_AreTheTwentySeven() => Assert.Equal(27, RegulatoryRegions.MemberStates.Count);

    [Theory]
    [InlineData("GP")]
    [InlineData("GF")]
    [InlineData("MQ")]
    [InlineData("YT")]
    [InlineData("RE")]
    [InlineData("MF")]
    [InlineData("ES", "ES-CN")]
    [InlineData("PT", "PT-20")]
    [InlineData("PT", "PT-30")]
    public void TheOutermostRegions_AreUnderEu261(string country, string? subdivision = null)
        => Assert.Equal(RegulatoryRegion.EU, RegulatoryRegions.Of(country, subdivision));

    [Theory]
    [InlineData("IS")]
    [InlineData("LI")]
    [InlineData("NO")]
    [InlineData("CH")]
    public void TheEeaStatesAndSwitzerland_AreUnderEu261ByAgreement(string country) => Assert.Equal(RegulatoryRegion.EU, RegulatoryRegions.Of(country));

    [Theory]
    [InlineData("FO")]
    [InlineData("GL")]
    [InlineData("BL")]
    [InlineData("PF")]
    [InlineData("NC")]
    [InlineData("AW")]
    [InlineData("CW")]
    [InlineData("SX")]
    [InlineData("BQ")]
    [InlineData("PM")]
    [InlineData("WF")]
    [InlineData("TR")]
    [InlineData("XK")]
    [InlineData("RS")]
    public void OverseasCountriesAndTerritoriesAndOtherNeighbours_AreNot(string country) => Assert.Equal(RegulatoryRegion.Other, RegulatoryRegions.Of(country));

    [Fact]
    public void Svalbard_IsOutsideTheEeaAgreement_AndErcanOutsideEuLaw()
    {
        Assert.Equal(RegulatoryRegion.Other, RegulatoryRegions.Of("NO", "NO-21"));
        Assert.Equal(RegulatoryRegion.EU, RegulatoryRegions.Of("NO", "NO-03"));
        Assert.Equal(RegulatoryRegion.Other, RegulatoryRegions.Of("CY", "CY-02", "ECN"));
        Assert.Equal(RegulatoryRegion.EU, RegulatoryRegions.Of("CY", "CY-04", "LCA"));
    }

    [Theory]
    [InlineData("GB", RegulatoryRegion.UK)]
    [InlineData("GI", RegulatoryRegion.Other)]
    [InlineData("JE", RegulatoryRegion.Other)]
    [InlineData("GG", RegulatoryRegion.Other)]
    [InlineData("IM", RegulatoryRegion.Other)]
    public void Uk261_CoversTheUnitedKingdom_NotGibraltarOrTheCrownDependencies(string country, RegulatoryRegion region) => Assert.Equal(region, RegulatoryRegions.Of(country));

    [Theory]
    [InlineData("US")]
    [InlineData("PR")]
    [InlineData("VI")]
    [InlineData("GU")]
    [InlineData("AS")]
    [InlineData("MP")]
    [InlineData("UM")]
    public void TheUsDotRules_CoverTheUnitedStatesAndItsTerritories(string country) => Assert.Equal(RegulatoryRegion.US, RegulatoryRegions.Of(country));

    [Theory]
    [InlineData("TFS", "ES", RegulatoryRegion.EU)]
    [InlineData("PDL", "PT", RegulatoryRegion.EU)]
    [InlineData("FNC", "PT", RegulatoryRegion.EU)]
    [InlineData("RUN", "RE", RegulatoryRegion.EU)]
    [InlineData("CAY", "GF", RegulatoryRegion.EU)]
    [InlineData("FDF", "MQ", RegulatoryRegion.EU)]
    [InlineData("PTP", "GP", RegulatoryRegion.EU)]
    [InlineData("DZA", "YT", RegulatoryRegion.EU)]
    [InlineData("SFG", "MF", RegulatoryRegion.EU)]
    [InlineData("MHQ", "FI", RegulatoryRegion.EU)]
    [InlineData("KEF", "IS", RegulatoryRegion.EU)]
    [InlineData("GVA", "CH", RegulatoryRegion.EU)]
    [InlineData("LYR", "NO", RegulatoryRegion.Other)]
    [InlineData("ECN", "CY", RegulatoryRegion.Other)]
    [InlineData("SBH", "BL", RegulatoryRegion.Other)]
    [InlineData("PPT", "PF", RegulatoryRegion.Other)]
    [InlineData("AUA", "AW", RegulatoryRegion.Other)]
    [InlineData("FAE", "FO", RegulatoryRegion.Other)]
    [InlineData("GIB", "GI", RegulatoryRegion.Other)]
    [InlineData("JER", "JE", RegulatoryRegion.Other)]
    [InlineData("LHR", "GB", RegulatoryRegion.UK)]
    [InlineData("SJU", "PR", RegulatoryRegion.US)]
    [InlineData("GUM", "GU", RegulatoryRegion.US)]
    [InlineData("JFK", "US", RegulatoryRegion.US)]
    [InlineData("IST", "TR", RegulatoryRegion.Other)]
    public void TheEmbeddedAirports_HaveTheirCountryAndRegion(string iata, string country, RegulatoryRegion region)
    {
        var airport = AirportDirectory.Embedded.Find(iata);
        Assert.NotNull(airport);
        Assert.Equal((country, region), (airport.Country, airport.Region));
    }

    [Fact]
    public void TheEmbeddedDirectory_KnowsThousandsOfAirports_AndTheNamedOnesInBothLanguages()
    {
        var airports = AirportDirectory.Embedded;
        Assert.True(airports.All.Count > 4000, $"{airports.All.Count} airports");
        Assert.Equal("München", airports.Find("MUC")!.NameDe);
        Assert.Contains("Heathrow", airports.Find("LHR")!.Aliases);
        Assert.True(airports.Named.Count >= 49);
    }
}
