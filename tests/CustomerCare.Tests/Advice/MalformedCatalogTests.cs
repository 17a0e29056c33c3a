using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Advice;

public sealed class MalformedCatalogTests
{
    [Fact]
    public void BotWithAMalformedCatalog_RefusesToStart_NamingFileProductAndField()
    {
        var directory = Path.Combine(Path.GetTempPath(), "customercare-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var good = File.ReadAllText(Repository.PathOf("dialogs", "Data", "catalogs", "travel-insurance.json"));
        File.WriteAllText(Path.Combine(directory, "insurance.json"), good.Replace("\"price\": 59", "\"price\": -59", StringComparison.Ordinal));
        using var host = new BotHost();
        host.Settings["Advice:CatalogDirectory"] = directory;

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("insurance.json: product 'cc-premium': field 'price' must not be negative", error.ToString(), StringComparison.Ordinal);
    }
}
