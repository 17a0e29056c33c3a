using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json.Nodes;
using CustomerCare.Bot.Cli;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Teams;

/// <summary>The deployment templates compile and parse, and the Teams app package is complete.</summary>
public sealed class DeploymentAssetsTests
{
    private static string Templates => Repository.PathOf("deploymentTemplates");

    [Fact]
    public void ArmTemplateAndParameters_AreValidJson_WithTheBotAndWebApp()
    {
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(Templates, "main.json")))!;
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(Templates, "main.parameters.example.json")))!;

        var types = template["resources"]!.AsArray().Select(r => r!["type"]!.GetValue<string>()).ToList();
        Assert.Contains("Microsoft.BotService/botServices", types);
        Assert.Contains("Microsoft.Web/sites", types);
        Assert.Equal("securestring", template["parameters"]!["microsoftAppPassword"]!["type"]!.GetValue<string>());
        Assert.Equal("securestring", template["parameters"]!["directLineTokenSigningKey"]!["type"]!.GetValue<string>());
        Assert.Contains("Microsoft.DBforPostgreSQL/flexibleServers", types);
        Assert.Contains("Microsoft.KeyVault/vaults", types);
        Assert.NotNull(parameters["parameters"]);
    }

    [Fact]
    public void Secrets_ReachTheAppOnlyAsKeyVaultReferences()
    {
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(Templates, "main.json")))!;
        var secretParameters = new[] { "microsoftAppPassword", "supervisorSignInClientSecret", "directLineTokenSigningKey" };
        var resources = template["resources"]!.AsArray();
        var raw = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        foreach (var name in secretParameters)
        {
            // The one place each secret goes: a Key Vault secret.
            var users = resources.Where(r => r!.ToJsonString(raw).Contains($"parameters('{name}')", StringComparison.Ordinal)).ToList();
            Assert.Equal("Microsoft.KeyVault/vaults/secrets", Assert.Single(users)!["type"]!.GetValue<string>());
        }
        var settings = template["variables"]!.ToJsonString(raw) + resources.Single(r => r!["type"]!.GetValue<string>() == "Microsoft.Web/sites")!.ToJsonString(raw);
        Assert.Equal(4, settings.Split("@Microsoft.KeyVault(SecretUri=").Length - 1);
        Assert.DoesNotContain(secretParameters, name => settings.Contains($"parameters('{name}')", StringComparison.Ordinal));
    }

    [Fact]
    public void ThePlan_RunsAtLeastTwoInstances_AndWebChatUsesTheAzureBotServicesDirectLine()
    {
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(Templates, "main.json")))!;
        var plan = template["resources"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "Microsoft.Web/serverfarms")!;
        // The app's settings are one ARM expression inside the web app: each setting is a createObject('name', …, 'value', …).
        var app = template["resources"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "Microsoft.Web/sites")!
            .ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Equal("[parameters('instanceCount')]", plan["sku"]!["capacity"]!.GetValue<string>());
        Assert.True(template["parameters"]!["instanceCount"]!["minValue"]!.GetValue<int>() >= 2);
        Assert.True(template["parameters"]!["instanceCount"]!["defaultValue"]!.GetValue<int>() >= 2);
        Assert.Contains("createObject('name', 'WebChat__DirectLine', 'value', 'AzureBotService')", app, StringComparison.Ordinal);
        Assert.Contains("createObject('name', 'Storage__Provider', 'value', 'PostgreSql')", app, StringComparison.Ordinal);
        Assert.Contains("createObject('name', 'DemoData__Enabled', 'value', 'false')", app, StringComparison.Ordinal);
        Assert.Contains("createObject('name', 'WebChat__AzureBotServiceSecret', 'value', format('@Microsoft.KeyVault(SecretUri={0})'", app, StringComparison.Ordinal);
    }

    [Fact]
    public void AppService_ChecksReadiness_NotMereLiveness()
    {
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(Templates, "main.json")))!;
        var site = template["resources"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "Microsoft.Web/sites")!;

        Assert.Equal("/healthz/ready", site["properties"]!["siteConfig"]!["healthCheckPath"]!.GetValue<string>());
    }

    [Fact]
    public void BicepTemplate_Compiles_IntoTheCommittedArmTemplate()
    {
        var package = typeof(DeploymentAssetsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPackage").Value!;
        var output = Path.Combine(Path.GetTempPath(), "customercare-tests", Guid.NewGuid().ToString("N") + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var start = new ProcessStartInfo(Path.Combine(package, "tools", "bicep"), ["build", Path.Combine(Templates, "main.bicep"), "--outfile", output])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = Path.Combine(Path.GetTempPath(), "customercare-tests", "bicep");
        using var bicep = Process.Start(start)!;
        var errors = bicep.StandardError.ReadToEnd();
        bicep.WaitForExit();

        Assert.True(bicep.ExitCode == 0, errors);
        Assert.Contains("Microsoft.BotService/botServices", File.ReadAllText(output), StringComparison.Ordinal);
        // main.json is main.bicep compiled: after a change, `bicep build main.bicep` writes it again.
        Assert.Equal(File.ReadAllText(Path.Combine(Templates, "main.json")), File.ReadAllText(output));
    }

    [Fact]
    public void TeamsPackage_FillsTheAppId_AndZipsManifestAndIcons()
    {
        var zip = Path.Combine(Path.GetTempPath(), "customercare-tests", Guid.NewGuid().ToString("N") + ".zip");
        Directory.CreateDirectory(Path.GetDirectoryName(zip)!);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = TeamsPackageCommand.Run(["package", "--app-id", "11111111-2222-3333-4444-555555555555", "--output", zip, "--source", Path.Combine(Templates, "teams")], output, error);

        Assert.True(exit == 0, error.ToString());
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());
        using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(reader.ReadToEnd())!;
        Assert.Equal("11111111-2222-3333-4444-555555555555", manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal((192, 192), PngSize(archive.GetEntry("color.png")!));
        Assert.Equal((32, 32), PngSize(archive.GetEntry("outline.png")!));
    }

    [Fact]
    public void TeamsManifest_IsValidAgainstTheOfficialSchemaOfItsVersion_AndABrokenOneIsNot()
    {
        var modules = Repository.PathOf("bot", "webchat", "node_modules");
        var (code, output) = Validate(modules, Path.Combine(Templates, "teams", "manifest.json"));
        Assert.True(code == 0, output);
        Assert.Contains("teams/v1.22/", output, StringComparison.Ordinal);

        var broken = JsonNode.Parse(File.ReadAllText(Path.Combine(Templates, "teams", "manifest.json")))!;
        broken["bots"]![0]!["scopes"] = new JsonArray("everywhere");
        var brokenPath = Path.Combine(Path.GetTempPath(), "customercare-tests", Guid.NewGuid().ToString("N") + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(brokenPath)!);
        File.WriteAllText(brokenPath, broken.ToJsonString());
        Assert.Equal(1, Validate(modules, brokenPath).ExitCode);
    }

    private static (int ExitCode, string Output) Validate(string modules, string manifest)
    {
        var script = Repository.PathOf("tests", "CustomerCare.Tests", "Teams", "validate-teams-manifest.mjs");
        var start = new ProcessStartInfo("node", [script, modules, manifest, "11111111-2222-3333-4444-555555555555"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEnd() + node.StandardError.ReadToEnd();
        node.WaitForExit();
        return (node.ExitCode, output);
    }

    [Fact]
    public void TeamsPackage_WithoutAValidAppId_ExplainsItsUsage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, TeamsPackageCommand.Run(["package", "--app-id", "not-a-guid"], output, error));
        Assert.Contains("usage: teams package --app-id", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DOTNET_TC_DelaySingleProcMultiplier")]
    [InlineData("DOTNET_GCgen0size")]
    public void RuntimeSettings_AreTheSameWhereTheBotIsDeployed_AndWhereItIsRun(string name)
    {
        var template = File.ReadAllText(Path.Combine(Templates, "main.json"));
        var launch = JsonNode.Parse(File.ReadAllText(Repository.PathOf("bot/Properties/launchSettings.json")))!;
        var benchmark = File.ReadAllText(Repository.PathOf("tests/CustomerCare.Benchmarks/BotProcess.cs"));

        var value = launch["profiles"]!["CustomerCare"]!["environmentVariables"]![name]!.GetValue<string>();

        Assert.Contains($"createObject('name', '{name}', 'value', '{value}')", template, StringComparison.Ordinal);
        Assert.Contains($"start.Environment[\"{name}\"] = \"{value}\";", benchmark, StringComparison.Ordinal);
    }

    private static (int Width, int Height) PngSize(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var header = new byte[24];
        stream.ReadExactly(header);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }
}
