using PhotonSdk.Tests.Infrastructure;
using Snapshooter;
using Snapshooter.Xunit;

namespace PhotonSdk.Tests.Contracts;

/// <summary>How recorded responses parse, through the generated client and the result mapping.</summary>
public sealed class ResponseContractTests
{
    /// <summary>A real submit response, captured from the service (see the API reference, §1.2).</summary>
    private const string CapturedSubmit =
        """{"code":200,"message":"success","data":{"id":"6488c2754f6f4dfea924382fa14d11bd","model":"alibaba/wan-2.5/text-to-image","outputs":[],"urls":{"get":"https://api.wavespeed.ai/api/v3/predictions/6488c2754f6f4dfea924382fa14d11bd/result"},"has_nsfw_contents":[],"status":"created","created_at":"2025-09-29T23:09:43.027Z","error":"","executionTime":0,"timings":{"inference":0}}}""";

    private static PhotonClient Client(RecordingHandler handler) =>
        new(new PhotonClientOptions { ApiKey = "k", BaseUrl = new Uri("https://api.wavespeed.ai") }, new HttpClient(handler));

    [Fact]
    public async Task The_captured_submit_response()
    {
        var handler = new RecordingHandler().Answer("/api/v3/luma/photon-flash", CapturedSubmit);
        using var client = Client(handler);

        var handle = await client.SubmitAsync("A lighthouse");

        Snapshot.Match(new { handle.Id, handle.ModelId, Status = handle.Status.Value, handle.Status.IsTerminal });
    }

    [Theory]
    [InlineData("2", "2025-09-29T23:09:43.92Z")]
    [InlineData("3", "2025-09-29T23:09:43.027Z")]
    [InlineData("9", "2025-09-29T23:09:43.948268264Z")]
    public async Task Completed_responses_with_fractional_seconds_of_varying_length(string digits, string createdAt)
    {
        var body = PredictionJson.Completed("luma/photon").Replace("2025-09-29T23:09:43.027Z", createdAt, StringComparison.Ordinal);
        var handler = new RecordingHandler().Answer($"/api/v3/predictions/{PredictionJson.Id}/result", body);
        using var client = Client(handler);

        var result = await client.GetPrediction(PredictionJson.Id).WaitForCompletionAsync();

        Snapshot.Match(new
        {
            result.PredictionId,
            result.ModelId,
            result.CostUsd,
            Images = result.Images.Select(i => new { i.Index, Url = i.Url?.ToString(), i.MediaType, i.IsNsfw }),
            CreatedAt = result.Timings.CreatedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            result.Timings.Inference,
            result.Timings.Execution,
            result.PollCount,
        }, SnapshotNameExtension.Create(digits));
    }

    [Fact]
    public async Task A_history_page()
    {
        var page = """
            {"code":200,"message":"success","data":{"page":1,"total":2,"items":[
              {"id":"a1","model":"luma/photon","outputs":["https://cdn.example.com/a1.jpg"],"status":"completed","created_at":"2026-11-22T10:00:00.5Z","error":"","executionTime":25729,"timings":{"inference":24000}},
              {"id":"b2","model":"luma/photon-flash","outputs":[],"status":"failed","created_at":"2026-11-22T09:00:00Z","error":"content flagged","code":1200,"executionTime":120}]}}
            """;
        using var client = Client(new RecordingHandler().Answer("/api/v3/predictions", page));

        var history = await client.GetHistoryAsync();

        Snapshot.Match(history);
    }
}
