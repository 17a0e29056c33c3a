using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Telemetry;

/// <summary>The deployment hands the bot its Application Insights, and only the bot's own exporter sends to it.</summary>
public sealed class TelemetryDeploymentTests
{
    [Fact]
    public void TheWebApp_GetsTheApplicationInsightsConnectionString_AndNoCodelessAgent()
    {
        var template = JsonNode.Parse(File.ReadAllText(Repository.PathOf("deploymentTemplates", "main.json")))!;
        var resources = template["resources"]!.AsArray();
        var raw = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var site = resources.Single(r => r!["type"]!.GetValue<string>() == "Microsoft.Web/sites")!.ToJsonString(raw);

        Assert.Contains(resources, r => r!["type"]!.GetValue<string>() == "Microsoft.Insights/components");
        Assert.Contains("createObject('name', 'APPLICATIONINSIGHTS_CONNECTION_STRING', 'value', reference(resourceId('Microsoft.Insights/components'", site, StringComparison.Ordinal);
        Assert.DoesNotContain("ApplicationInsightsAgent_EXTENSION_VERSION", site, StringComparison.Ordinal);
    }
}
