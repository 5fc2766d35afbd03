using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PhotonSdk.Errors;
using PhotonSdk.Tests.Infrastructure;
using PhotonSdk.Transport;

namespace PhotonSdk.Tests.Security;

/// <summary>
/// The API key reaches the Authorization header of API requests and nothing else: no log, no trace, no metric, no
/// exception (message, ToString, excerpt, inner exceptions), no ToString of the client, its options or its results, no
/// URL. In every scenario the server echoes the key back, as a careless or hostile one may, so the SDK has to redact
/// what it quotes. Traces, metrics and logs are listened to process-wide, so the tests run alone.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class ApiKeyLeakTests : WireMockTestBase
{
    private const string Key = "ws-leak-canary-7f3a9c2e1b5d4068";

    private readonly ConcurrentQueue<string> _traces = new();
    private readonly ConcurrentQueue<string> _metrics = new();
    private readonly FakeLogCollector _logs = new();

    public static TheoryData<string> Scenarios => new(ScenarioTable.Keys);

    private static readonly Dictionary<string, Func<ApiKeyLeakTests, Task<object?>>> ScenarioTable = new()
    {
        ["a generation that completes, prompts logged"] = async t =>
        {
            t.Server.Given(t.Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
            t.Sequence(t.Get(ResultPath), Json(PredictionJson.Envelope("processing")), Json(PredictionJson.Completed()));
            return await t.Drive(t.Client.GenerateAsync("A poster of a lighthouse"));
        },
        ["401 that echoes the key"] = t => t.SubmitAnswered(Json(PredictionJson.Error(401, $"Invalid API key: {Key}"), 401)),
        ["400 whose bare error echoes the key"] = t => t.SubmitAnswered(Json($$"""{"error":"key {{Key}} may not use this model"}""", 400)),
        ["HTML 502 page that echoes the key"] = t => t.SubmitAnswered(Response().WithStatusCode(502).WithBody($"<html><body>upstream rejected Bearer {Key}</body></html>")),
        ["200 whose envelope says 500 and echoes the key"] = t => t.SubmitAnswered(Json("{\"code\":500,\"message\":\"worker crashed handling " + Key + "\",\"data\":{\"id\":\"" + PredictionJson.Id + "\",\"status\":\"created\"}}")),
        ["429 that echoes the key until retries run out"] = t => t.SubmitAnswered(Json(PredictionJson.Error(429, $"slow down, {Key}"), 429)),
        ["a prediction that fails with the key in its error"] = async t =>
        {
            t.Server.Given(t.Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
            t.Server.Given(t.Get(ResultPath)).RespondWith(Json(PredictionJson.Envelope("failed", code: 1403, error: $"auth {Key} expired mid-task")));
            return await t.Drive(t.Client.GenerateAsync("A lighthouse"));
        },
        ["truncated JSON on a poll that echoes the key"] = async t =>
        {
            t.Server.Given(t.Get(ResultPath)).RespondWith(Json($$"""{"code":200,"data":{"id":"{{Key}}"""));
            return await t.Drive(t.Client.GetPrediction(PredictionJson.Id).WaitForCompletionAsync());
        },
        ["404 for an id, echoing the key"] = async t =>
        {
            t.Server.Given(t.Get(ResultPath)).RespondWith(Json(PredictionJson.Error(404, $"no task for {Key}"), 404));
            return await t.Drive(t.Client.GetPrediction(PredictionJson.Id).WaitForCompletionAsync());
        },
        ["an upload ticket refused with the key in the answer"] = async t =>
        {
            t.Server.Given(t.Post("/api/v3/media/uploads")).RespondWith(Json(PredictionJson.Error(413, $"{Key} may upload 1 MB"), 413));
            return await t.Client.UploadAsync(new MemoryStream(new byte[64]), "cat.png");
        },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_key_reaches_the_authorization_header_and_nothing_else(string scenario)
    {
        using var listeners = Listen();
        Client = CreateClient(o =>
        {
            o.ApiKey = Key;
            o.LoggerFactory = listeners.Loggers;
            o.Telemetry.IncludePrompts = true;
        });

        object? outcome;
        try
        {
            outcome = await ScenarioTable[scenario](this);
        }
        catch (Exception e)
        {
            outcome = e;
        }

        var apiRequests = Requests.Where(r => r.RequestMessage!.Path.StartsWith("/api/v3/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(apiRequests);
        Assert.All(apiRequests, r => Assert.Equal($"Bearer {Key}", r.RequestMessage!.Headers!["Authorization"].Single()));
        Assert.All(apiRequests, r => Assert.DoesNotContain(Key, r.RequestMessage!.Url, StringComparison.Ordinal));
        var seen = Describe(outcome) + _logs.GetSnapshot().Select(Describe).Aggregate("", string.Concat) + string.Concat(_traces) + string.Concat(_metrics);
        Assert.True(seen.Length > 0);
        Assert.DoesNotContain(Key, seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_its_options_its_handles_and_its_internals_print_no_key()
    {
        var options = new PhotonClientOptions { ApiKey = Key, BaseUrl = new Uri(Server.Url!), TimeProvider = Time };
        using var client = new PhotonClient(options, HttpClient);
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        var handle = await client.SubmitAsync("A lighthouse");
        var key = new ApiKey(Key);

        var printed = string.Join("\n",
            client.ToString(), options.ToString(), options.Retry.ToString(), options.Polling.ToString(), handle.ToString(),
            key.ToString(), new ErrorContext("Submitting", key, PredictionJson.Id, "luma/photon-flash").ToString());

        Assert.Contains("***", printed, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, printed, StringComparison.Ordinal);
        Assert.Equal("error: *** was refused", key.Redact($"error: {Key} was refused"));
    }

    [Theory]
    [InlineData("x", "execution failed for key x.", "execution failed for key ***.")]
    [InlineData("x", "extra", "extra")]
    [InlineData("sk-live-12ab", "{\"error\":\"key sk-live-12ab is invalid\"}", "{\"error\":\"key *** is invalid\"}")]
    [InlineData("sk-live-12ab", "Authorization: Bearer sk-live-12ab", "Authorization: Bearer ***")]
    [InlineData("sk-live-12ab", "key=sk-live-12ab&other=1", "key=***&other=1")]
    public void Redaction_removes_the_key_as_a_token_and_leaves_words_that_contain_it(string apiKey, string text, string redacted) =>
        Assert.Equal(redacted, new ApiKey(apiKey).Redact(text));

    private async Task<object?> SubmitAnswered(WireMock.ResponseBuilders.IResponseBuilder answer)
    {
        Server.Given(Post(FlashPath)).RespondWith(answer);
        return await Drive(Client.SubmitAsync("A lighthouse"));
    }

    private static WireMock.ResponseBuilders.IResponseBuilder Response() => WireMock.ResponseBuilders.Response.Create();

    /// <summary>Everything an outcome says about itself: for an exception, its whole chain with messages, data and fields.</summary>
    private static string Describe(object? outcome)
    {
        var text = new StringBuilder().Append(outcome);
        for (var e = outcome as Exception; e is not null; e = e.InnerException)
        {
            text.Append(e.Message).Append(e.ToString());
            foreach (DictionaryEntry entry in e.Data) text.Append(entry.Key).Append(entry.Value);
            if (e is PhotonException photon) text.Append(photon.ResponseExcerpt).Append(photon.PredictionId).Append(photon.ModelId);
            if (e is PhotonPredictionFailedException failed) text.Append(failed.ServerError);
        }

        if (outcome is ImageGenerationResult result) text.Append(string.Join(",", result.Images));
        return text.ToString();
    }

    private static string Describe(FakeLogRecord record) =>
        $"{record.Message}{record.Exception}{string.Concat(record.StructuredState?.Select(pair => $"{pair.Key}={pair.Value}") ?? [])}";

    private Listeners Listen()
    {
        // Every source, the HTTP client's own spans included.
        var activities = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _traces.Enqueue(
                $"{activity.DisplayName}{activity.StatusDescription}" +
                string.Concat(activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}")) +
                string.Concat(activity.Events.Select(e => e.Name + string.Concat(e.Tags.Select(tag => $"{tag.Key}={tag.Value}")))) +
                string.Concat(activity.Baggage.Select(item => $"{item.Key}={item.Value}"))),
        };
        ActivitySource.AddActivityListener(activities);

        var meters = new MeterListener { InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument) };
        meters.SetMeasurementEventCallback<long>((i, _, tags, _) => _metrics.Enqueue(i.Name + string.Concat(tags.ToArray().Select(t => $"{t.Key}={t.Value}"))));
        meters.SetMeasurementEventCallback<double>((i, _, tags, _) => _metrics.Enqueue(i.Name + string.Concat(tags.ToArray().Select(t => $"{t.Key}={t.Value}"))));
        meters.SetMeasurementEventCallback<int>((i, _, tags, _) => _metrics.Enqueue(i.Name + string.Concat(tags.ToArray().Select(t => $"{t.Key}={t.Value}"))));
        meters.Start();

        var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        return new Listeners(activities, meters, loggers);
    }

    private sealed record Listeners(ActivityListener Activities, MeterListener Meters, ILoggerFactory Loggers) : IDisposable
    {
        public void Dispose()
        {
            Activities.Dispose();
            Meters.Dispose();
            Loggers.Dispose();
        }
    }
}
