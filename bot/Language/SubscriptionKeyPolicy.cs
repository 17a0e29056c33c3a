using Azure.Core;
using Azure.Core.Pipeline;

namespace CustomerCare.Bot.Language;

/// <summary>Adds the Azure AI Language resource key (Ocp-Apim-Subscription-Key) to every request.</summary>
public sealed class SubscriptionKeyPolicy(string key) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) => message.Request.Headers.SetValue("Ocp-Apim-Subscription-Key", key);
}
