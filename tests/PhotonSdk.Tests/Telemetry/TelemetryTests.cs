using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PhotonSdk.Tests.Infrastructure;

namespace PhotonSdk.Tests.Telemetry;

[Collection(RunsAlone.Name)]
public sealed class TelemetryTests : WireMockTestBase
{
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<(string Instrument, object? Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();
    private readonly FakeLogCollector _logs = new();

    private (ActivityListener, MeterListener, ILoggerFactory) Listen()
    {
        var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "PhotonSdk",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(activities);

        var meters = new MeterListener { InstrumentPublished = (instrument, listener) => { if (instrument.Meter.Name == "PhotonSdk") listener.EnableMeasurementEvents(instrument); } };
        meters.SetMeasurementEventCallback<long>((i, v, tags, _) => _measurements.Enqueue((i.Name, v, tags.ToArray())));
        meters.SetMeasurementEventCallback<double>((i, v, tags, _) => _measurements.Enqueue((i.Name, v, tags.ToArray())));
        meters.SetMeasurementEventCallback<int>((i, v, tags, _) => _measurements.Enqueue((i.Name, v, tags.ToArray())));
        meters.Start();

        var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        return (activities, meters, loggers);
    }

    [Fact]
    public async Task A_prediction_makes_a_span_with_child_spans_for_the_submit_and_each_poll_and_records_metrics()
    {
        var (activities, meters, loggers) = Listen();
        using var _a = activities;
        using var _m = meters;
        using var _l = loggers;
        Client = CreateClient(o => o.LoggerFactory = loggers);
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Sequence(Get(ResultPath), Json(PredictionJson.Envelope("processing")), Json(PredictionJson.Completed()));

        await Drive(Client.GenerateAsync("A lighthouse"));

        var root = _activities.Single(a => a.DisplayName == "generate_content luma/photon-flash" && (string?)a.GetTagItem("gen_ai.response.id") == PredictionJson.Id);
        var trace = _activities.Where(a => a.TraceId == root.TraceId).ToList();
        Assert.Equal("wavespeed", root.GetTagItem("gen_ai.provider.name"));
        Assert.Equal("completed", root.GetTagItem("photon.prediction.status"));
        Assert.Equal(2, root.GetTagItem("photon.prediction.polls"));
        Assert.Equal(0.005, root.GetTagItem("photon.cost.usd"));
        Assert.Null(root.GetTagItem("photon.prompt"));
        Assert.Single(trace, a => a.DisplayName == "photon.submit" && a.ParentSpanId == root.SpanId);
        var wait = Assert.Single(trace, a => a.DisplayName == "photon.wait" && a.ParentSpanId == root.SpanId);
        var polls = trace.Where(a => a.DisplayName == "photon.poll").ToList();
        Assert.Equal(2, polls.Count);
        Assert.All(polls, p => Assert.Equal(wait.SpanId, p.ParentSpanId));
        Assert.Equal(["processing", "completed"], polls.OrderBy(p => (int)p.GetTagItem("photon.poll.attempt")!).Select(p => (string)p.GetTagItem("photon.prediction.status")!));

        Assert.Contains(_measurements, m => m.Instrument == "photon.predictions" && m.Tags.Contains(new("photon.outcome", "completed")));
        Assert.Contains(_measurements, m => m.Instrument == "photon.prediction.polls" && (int)m.Value! == 2);
        Assert.Contains(_measurements, m => m.Instrument == "photon.prediction.cost" && (double)m.Value! == 0.005);
        Assert.Contains(_measurements, m => m.Instrument == "gen_ai.client.operation.duration");
        Assert.Contains(_logs.GetSnapshot(), r => r.Message.Contains($"Prediction {PredictionJson.Id} completed on luma/photon-flash", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Message.Contains("A lighthouse", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Prompts_reach_telemetry_only_when_the_user_opts_in()
    {
        var (activities, meters, loggers) = Listen();
        using var _a = activities;
        using var _m = meters;
        using var _l = loggers;
        Client = CreateClient(o => { o.LoggerFactory = loggers; o.Telemetry.IncludePrompts = true; });
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Completed()));

        await Drive(Client.GenerateAsync("A lighthouse with a secret plan", new GenerationOptions { SyncMode = true }));

        Assert.Contains(_activities, a => (string?)a.GetTagItem("photon.prompt") == "A lighthouse with a secret plan");
        Assert.Contains(_logs.GetSnapshot(), r => r.Message.Contains("A lighthouse with a secret plan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_key_appears_nowhere_in_logs_traces_metrics_or_exceptions_of_a_run_with_failures()
    {
        var (activities, meters, loggers) = Listen();
        using var _a = activities;
        using var _m = meters;
        using var _l = loggers;
        Client = CreateClient(o => o.LoggerFactory = loggers);
        var thrown = new List<Exception>();

        // A server that echoes the key in error bodies and task errors, across retries, failures and an auth error.
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Sequence(Get(ResultPath),
            Json(PredictionJson.Error(503, $"overloaded for key {ApiKey}"), 503),
            Json(PredictionJson.Envelope("failed", code: 1403, error: $"worker rejected key {ApiKey}")));
        Server.Given(Post(PhotonPath)).RespondWith(Json(PredictionJson.Error(401, $"invalid key {ApiKey}"), 401));
        Server.Given(Get("/api/v3/predictions/broken/result")).RespondWith(Json($"<html>{ApiKey}</html>"));

        foreach (var call in new Func<Task>[]
        {
            () => Drive(Client.GenerateAsync("one")),
            () => Drive(Client.GenerateAsync("two", new GenerationOptions { Model = "photon" })),
            () => Drive(Client.GetPrediction("broken").WaitForCompletionAsync()),
        })
        {
            thrown.Add(await Assert.ThrowsAnyAsync<PhotonException>(call));
        }

        Assert.Equal(3, thrown.Count);
        var everything = new List<string>();
        everything.AddRange(thrown.Select(e => e.ToString()));
        everything.AddRange(thrown.OfType<PhotonException>().Select(e => e.ResponseExcerpt ?? ""));
        everything.AddRange(_logs.GetSnapshot().Select(r => $"{r.Message} {r.Exception}"));
        everything.AddRange(_activities.SelectMany(a => a.TagObjects.Select(t => $"{a.DisplayName} {t.Key}={t.Value}").Append(a.StatusDescription ?? "")));
        everything.AddRange(_measurements.SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}")));

        Assert.NotEmpty(_logs.GetSnapshot());
        Assert.Contains(everything, line => line.Contains("overloaded for key ***", StringComparison.Ordinal) || line.Contains("worker rejected key ***", StringComparison.Ordinal));
        Assert.DoesNotContain(everything, line => line.Contains(ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Requests_carry_the_client_attribution_headers()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Client = CreateClient(o => o.ClientName = "my-app");

        await Client.SubmitAsync("A lighthouse");

        var headers = Assert.Single(Requests).RequestMessage!.Headers!;
        Assert.Equal("my-app", headers["X-Client-Name"].Single());
        Assert.Matches(@"^\d+\.\d+\.\d+", headers["X-Client-Version"].Single());
        Assert.Contains(headers["X-Client-OS"].Single(), new[] { "linux", "darwin", "windows" });
    }
}
