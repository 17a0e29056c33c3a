using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using CustomerCare.Bot.Language;
using CustomerCare.Recognition;
using CustomerCare.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerCare.Tests.Recognition;

public sealed class CluRecognizerTests : IAsyncLifetime
{
    private const string Documented = """
        {
          "kind": "ConversationResult",
          "result": {
            "query": "bumped off LH400 yesterday, paid 120 EUR",
            "prediction": {
              "topIntent": "ReportDisruption",
              "projectKind": "Conversation",
              "intents": [
                { "category": "ReportDisruption", "confidenceScore": 0.93 },
                { "category": "TalkToHuman", "confidenceScore": 0.04 },
                { "category": "None", "confidenceScore": 0.03 }
              ],
              "entities": [
                { "category": "flightNumber", "text": "LH400", "offset": 11, "length": 5, "confidenceScore": 1,
                  "extraInformation": [ { "extraInformationKind": "ListKey", "key": "LH400" } ] },
                { "category": "date", "text": "yesterday", "offset": 17, "length": 9, "confidenceScore": 1,
                  "resolutions": [ { "resolutionKind": "DateTimeResolution", "dateTimeSubKind": "Date", "timex": "2026-11-22", "value": "2026-11-22" } ] },
                { "category": "amount", "text": "120 EUR", "offset": 33, "length": 7, "confidenceScore": 1,
                  "resolutions": [ { "resolutionKind": "CurrencyResolution", "ISO4217": "EUR", "unit": "Euro", "value": 120 } ] }
              ]
            }
          }
        }
        """;

    private WebApplication? _server;
    private string _endpoint = string.Empty;
    private readonly ConcurrentQueue<(string Path, string Query, string Key, JsonNode Body)> _requests = new();
    private Func<int, (int Status, string Body, TimeSpan Delay)> _answer = _ => (200, Documented, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        (_server, _endpoint) = await LoopbackServer.StartAsync(app => app.Run(async context =>
        {
            var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!;
            _requests.Enqueue((context.Request.Path.Value!, context.Request.QueryString.Value!, context.Request.Headers["Ocp-Apim-Subscription-Key"].ToString(), body));
            var (status, answer, delay) = _answer(_requests.Count);
            await Task.Delay(delay, context.RequestAborted);
            context.Response.StatusCode = status;
            context.Response.Headers.RetryAfter = "0";
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer);
        }));
    }

    public async Task DisposeAsync() => await _server!.DisposeAsync();

    private CluRecognizer Recognizer(int timeoutMs = 1500) => new(
        Options.Create(new RecognitionOptions
        {
            Recognizer = RecognizerKind.Clu,
            Clu = new CluOptions { Endpoint = new Uri(_endpoint), Key = "test-key", ProjectName = "CustomerCare", DeploymentName = "production", TimeoutMilliseconds = timeoutMs, MaxRetries = 2 },
        }),
        Language.Recognizer(TimeProvider.System),
        NullLogger<CluRecognizer>.Instance);

    [Fact]
    public async Task DocumentedResponse_IsMappedToTheRecognizerContract_AndTheRequestIsTheDocumentedOne()
    {
        var result = await Recognizer().RecognizeAsync("bumped off LH400 yesterday, paid 120 EUR", CultureInfo.GetCultureInfo("de-DE"), CancellationToken.None);

        Assert.Equal(Intents.ReportDisruption, result.TopIntent);
        Assert.Equal(0.93, result.Score, 3);
        Assert.Equal(0.04, result.Intents[Intents.TalkToHuman], 3);
        Assert.Equal("LH400", result.First(EntityCategories.FlightNumber));
        Assert.Equal("2026-11-22", result.First(EntityCategories.Date));
        Assert.Equal("120.00 EUR", result.First(EntityCategories.Amount));
        Assert.Equal((17, 9), (result.Entities[1].Offset, result.Entities[1].Length));

        var (path, query, key, body) = Assert.Single(_requests);
        Assert.Equal("/language/:analyze-conversations", path);
        Assert.Equal("?api-version=2023-04-01", query);
        Assert.Equal("test-key", key);
        Assert.Equal("Conversation", body["kind"]!.GetValue<string>());
        Assert.Equal("de", body["analysisInput"]!["conversationItem"]!["language"]!.GetValue<string>());
        Assert.Equal("production", body["parameters"]!["deploymentName"]!.GetValue<string>());
    }

    [Fact]
    public async Task TooManyRequests_IsRetriedHonouringRetryAfter_ThenCluAnswers()
    {
        _answer = attempt => attempt <= 2 ? (429, """{"error":{"code":"429","message":"slow down"}}""", TimeSpan.Zero) : (200, Documented, TimeSpan.Zero);

        var result = await Recognizer(timeoutMs: 10_000).RecognizeAsync("bumped off LH400", CultureInfo.GetCultureInfo("en-US"), CancellationToken.None);

        Assert.Equal(3, _requests.Count);
        Assert.Equal(0.93, result.Score, 3);
    }

    [Fact]
    public async Task ServerErrors_FallBackToTheOfflineModel()
    {
        _answer = _ => (500, """{"error":{"code":"InternalServerError","message":"boom"}}""", TimeSpan.Zero);

        var result = await Recognizer(timeoutMs: 10_000).RecognizeAsync("I want to talk to a human agent", CultureInfo.GetCultureInfo("en-US"), CancellationToken.None);

        Assert.Equal(3, _requests.Count);
        Assert.Equal(Intents.TalkToHuman, result.TopIntent);
        Assert.NotEqual(0.93, result.Score, 3);
    }

    [Fact]
    public async Task SlowService_FallsBackWithinTheTimeBudget()
    {
        _answer = _ => (200, Documented, TimeSpan.FromSeconds(10));
        var started = DateTime.UtcNow;

        var result = await Recognizer(timeoutMs: 300).RecognizeAsync("mein Koffer ist nicht angekommen", CultureInfo.GetCultureInfo("de-DE"), CancellationToken.None);

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3));
        Assert.Equal(Intents.ReportDisruption, result.TopIntent);
        Assert.Equal("baggage", result.First(EntityCategories.DisruptionKind));
    }
}
