using System.Text;
using CustomerCare.Advice;

namespace CustomerCare.Tests.Advice;

public sealed class RecommenderTests
{
    private static readonly IReadOnlyList<Catalog> Catalogs = CatalogLoader.Embedded();
    private static Catalog Route => Catalogs.Single(c => c.Id == "travel-frankfurt-london");
    private static Catalog Insurance => Catalogs.Single(c => c.Id == "travel-insurance");

    private static readonly Dictionary<string, string> GreenTraveller = new()
    {
        ["price"] = "value", ["time"] = "allday", ["bags"] = "suitcase", ["plans"] = "likely", ["climate"] = "lot",
    };

    [Fact]
    public void NeedsThatFavourACompetitor_RankTheCompetitorFirst()
    {
        var ranking = Recommender.Rank(Route, GreenTraveller);

        Assert.Equal("rail", ranking[0].Product.Id);
        Assert.False(ranking[0].Product.Own);
    }

    [Fact]
    public void NeedsThatFavourAnOwnProduct_RankItFirst()
    {
        var ranking = Recommender.Rank(Route, new Dictionary<string, string> { ["price"] = "any", ["time"] = "fastest", ["bags"] = "suitcase", ["plans"] = "likely", ["climate"] = "none" });

        Assert.Equal("cc-flex", ranking[0].Product.Id);
    }

    [Fact]
    public void TogglingOwn_NeverChangesAScoreOrTheRanking()
    {
        foreach (var catalog in Catalogs)
        {
            foreach (var answers in AllAnswerCombinations(catalog).Take(200))
            {
                var before = Recommender.Rank(catalog, answers);
                var flipped = catalog with { Products = catalog.Products.Select(p => p with { Own = !p.Own }).ToList() };
                var after = Recommender.Rank(flipped, answers);

                Assert.Equal(before.Select(f => (f.Product.Id, f.Score)), after.Select(f => (f.Product.Id, f.Score)));
            }
        }
    }

    [Fact]
    public void SameAnswers_AlwaysGiveTheSameRanking()
        => Assert.Equal(Recommender.Rank(Insurance, new Dictionary<string, string> { ["trips"] = "several", ["gear"] = "yes" }).Select(f => f.Product.Id),
            Recommender.Rank(Insurance, new Dictionary<string, string> { ["gear"] = "yes", ["trips"] = "several" }).Select(f => f.Product.Id));

    [Fact]
    public void FrequentTravellerWithGadgets_GetsTheCompetitorsAnnualCover()
        => Assert.Equal("globecover-annual", Recommender.Rank(Insurance, new Dictionary<string, string> { ["trips"] = "several", ["cancel"] = "risk", ["gear"] = "yes", ["price"] = "cover" })[0].Product.Id);

    [Fact]
    public void WhyNot_NamesWhereAProductFallsBehindTheBest_ByWhatTheCustomerSaidMatters()
    {
        var ranking = Recommender.Rank(Route, GreenTraveller);
        var light = ranking.Single(f => f.Product.Id == "cc-light");

        var behind = Recommender.WhereBehind(light, ranking[0]);

        Assert.Equal(["baggage", "green", "flexible"], behind.Take(3));
    }

    [Theory]
    [InlineData("""{"id":"x","title":{"en":"X","de":"X"},"currency":"EUR","attributes":[{"id":"a","strong":{"en":"a","de":"a"},"weak":{"en":"a","de":"a"}},{"id":"b","strong":{"en":"b","de":"b"},"weak":{"en":"b","de":"b"}}],"products":[{"id":"p1","name":"P1","provider":"Us","own":true,"price":-5,"url":"https://x.example","ratings":{"a":0.5}},{"id":"p2","name":"P2","provider":"Them","price":5,"url":"https://x.example","ratings":{"a":0.5}},{"id":"p3","name":"P3","provider":"Them","price":5,"url":"https://x.example","ratings":{"a":0.5}}],"questions":[{"id":"q1","text":{"en":"?","de":"?"},"answers":[{"id":"y","label":{"en":"y","de":"y"},"weights":{"a":1}},{"id":"n","label":{"en":"n","de":"n"},"weights":{}}]},{"id":"q2","text":{"en":"?","de":"?"},"answers":[{"id":"y","label":{"en":"y","de":"y"},"weights":{"a":1}},{"id":"n","label":{"en":"n","de":"n"},"weights":{}}]},{"id":"q3","text":{"en":"?","de":"?"},"answers":[{"id":"y","label":{"en":"y","de":"y"},"weights":{"a":1}},{"id":"n","label":{"en":"n","de":"n"},"weights":{}}]}]}""",
        "broken.json: product 'p1': field 'price' must not be negative")]
    [InlineData("""{"id":"x","title":{"en":"X","de":"X"},"currency":"EUR","attributes":[{"id":"a","strong":{"en":"a","de":"a"},"weak":{"en":"a","de":"a"}},{"id":"b","strong":{"en":"b","de":"b"},"weak":{"en":"b","de":"b"}}],"products":[{"id":"p1","name":"P1","provider":"Us","own":true,"price":5,"url":"not a link","ratings":{"speed":2}},{"id":"p2","name":"P2","provider":"Them","price":5,"url":"https://x.example","ratings":{"a":0.5}},{"id":"p3","name":"P3","provider":"Them","price":5,"url":"https://x.example","ratings":{"a":0.5}}],"questions":[]}""",
        "broken.json: product 'p1': field 'url' must be an absolute http(s) link")]
    [InlineData("""{"id": "x", "products": [ }""", "broken.json: line 1")]
    public void MalformedCatalog_IsRefused_NamingFileProductAndField(string json, string expected)
    {
        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Load("broken.json", new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<Dictionary<string, string>> AllAnswerCombinations(Catalog catalog)
    {
        IEnumerable<Dictionary<string, string>> combinations = [new Dictionary<string, string>()];
        foreach (var question in catalog.Questions)
        {
            combinations = combinations.SelectMany(c => question.Answers.Select(a => new Dictionary<string, string>(c) { [question.Id] = a.Id }));
        }
        return combinations;
    }
}
