using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using CustomerCare.Recognition;
using CustomerCare.Recognition.Offline;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Language;

/// <summary>
/// Azure AI Language conversational language understanding, called over its REST API through Azure.Core's
/// pipeline (retries on 429 and 5xx honouring Retry-After). It never holds a turn up for long: after the
/// configured time, or on any failure, the offline model answers and the reason is logged.
/// </summary>
public sealed partial class CluRecognizer : IRecognizer
{
    private readonly CluOptions _options;
    private readonly HttpPipeline _pipeline;
    private readonly OfflineRecognizer _fallback;
    private readonly ILogger<CluRecognizer> _logger;

    public CluRecognizer(IOptions<RecognitionOptions> options, OfflineRecognizer fallback, ILogger<CluRecognizer> logger, TokenCredential? credential = null, HttpPipelineTransport? transport = null)
    {
        _options = options.Value.Clu;
        _fallback = fallback;
        _logger = logger;
        if (_options.Endpoint is null || string.IsNullOrWhiteSpace(_options.ProjectName) || string.IsNullOrWhiteSpace(_options.DeploymentName))
        {
            throw new InvalidOperationException("Recognition:Clu needs Endpoint, ProjectName and DeploymentName.");
        }
        var clientOptions = new CluClientOptions();
        clientOptions.Retry.MaxRetries = _options.MaxRetries;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(100);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromMilliseconds(_options.TimeoutMilliseconds);
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }
        HttpPipelinePolicy authentication = string.IsNullOrWhiteSpace(_options.Key)
            ? new BearerTokenAuthenticationPolicy(credential ?? throw new InvalidOperationException("Recognition:Clu needs a Key or an Entra ID credential."), "https://cognitiveservices.azure.com/.default")
            : new SubscriptionKeyPolicy(_options.Key);
        _pipeline = HttpPipelineBuilder.Build(clientOptions, authentication);
    }

    public async Task<RecognizerResult> RecognizeAsync(string text, CultureInfo culture, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_options.TimeoutMilliseconds);
        try
        {
            using var message = _pipeline.CreateMessage();
            var request = message.Request;
            request.Method = RequestMethod.Post;
            request.Uri.Reset(new Uri(_options.Endpoint!, $"language/:analyze-conversations?api-version={_options.ApiVersion}"));
            request.Headers.Add("Content-Type", "application/json");
            request.Content = RequestContent.Create(CluJson.Request(text, culture, _options.ProjectName!, _options.DeploymentName!));
            await _pipeline.SendAsync(message, budget.Token).ConfigureAwait(false);
            if (message.Response.IsError)
            {
                throw new RequestFailedException(message.Response);
            }
            return CluJson.ReadResult(text, message.Response.Content.ToMemory());
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or JsonException or KeyNotFoundException or InvalidOperationException
                                   && !cancellationToken.IsCancellationRequested)
        {
            LogFallback(_logger, ex.GetType().Name, ex.Message);
            return await _fallback.RecognizeAsync(text, culture, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLU did not answer ({Kind}: {Reason}); the offline model answered instead")]
    private static partial void LogFallback(ILogger logger, string kind, string reason);

    private sealed class CluClientOptions : ClientOptions;
}
