using Microsoft.Playwright;

namespace CustomerCare.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright, headless; no browser is ever downloaded.</summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"Browser tests need Debian's Chromium at {ChromiumPath} (apt-get install -y chromium).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        return (playwright, browser);
    }

    /// <summary>Screenshots go to TestResults/screenshots at the top of the repository.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Repository.PathOf("TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
