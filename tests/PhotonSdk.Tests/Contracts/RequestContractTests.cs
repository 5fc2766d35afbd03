using Newtonsoft.Json.Linq;
using PhotonSdk.Tests.Infrastructure;
using Snapshooter;
using Snapshooter.Xunit;

namespace PhotonSdk.Tests.Contracts;

/// <summary>The exact JSON of every request the SDK sends, as snapshots: a change of the wire contract shows in review.</summary>
public sealed class RequestContractTests
{
    private const string Key = "contract-test-key";

    private static (PhotonClient Client, RecordingHandler Handler) Create()
    {
        var handler = new RecordingHandler()
            .Answer("/api/v3/luma/photon-flash", PredictionJson.Envelope("created"))
            .Answer("/api/v3/luma/photon", PredictionJson.Envelope("created", "luma/photon"))
            .Answer("/api/v3/luma/photon-flash-modify", PredictionJson.Envelope("created", "luma/photon-flash-modify"))
            .Answer("/api/v3/luma/photon-modify", PredictionJson.Envelope("created", "luma/photon-modify"))
            .Answer("/api/v3/predictions", """{"code":200,"message":"success","data":{"page":2,"total":1,"items":[]}}""")
            .Answer("/api/v3/predictions/delete", """{"code":200,"message":"success","data":{"deleted_count":2}}""")
            .Answer("/api/v3/balance", """{"code":200,"message":"success","data":{"balance":12.5}}""")
            .Answer($"/api/v3/predictions/{PredictionJson.Id}/result", PredictionJson.Completed());
        var client = new PhotonClient(new PhotonClientOptions { ApiKey = Key, BaseUrl = new Uri("https://api.wavespeed.ai") }, new HttpClient(handler));
        return (client, handler);
    }

    public static TheoryData<string, GenerationOptions> Submits => new()
    {
        { "flash-default", new GenerationOptions() },
        { "photon-final", new GenerationOptions { Quality = PhotonQuality.Final } },
        { "flash-base64", new GenerationOptions { ResponseFormat = ImageResponseFormat.Data } },
        { "flash-sync", new GenerationOptions { SyncMode = true } },
        { "flash-webhook", new GenerationOptions { Webhook = new Uri("https://hooks.example.com/photon?team=a&b=1") } },
        { "flash-modify", new GenerationOptions { Model = "luma/photon-flash-modify", InputImage = new Uri("https://cdn.example.com/u/cat.png") } },
        { "photon-modify", new GenerationOptions { Quality = PhotonQuality.Final, InputImage = new Uri("https://cdn.example.com/u/cat.png") } },
    };

    [Theory]
    [MemberData(nameof(Submits))]
    public async Task Submit_requests(string name, GenerationOptions options)
    {
        var (client, handler) = Create();
        using var _ = client;

        await client.SubmitAsync("A cinematic shot of a city at sunset, soft golden light", options);

        Snapshot.Match(Describe(Assert.Single(handler.Requests)), SnapshotNameExtension.Create(name));
    }

    [Fact]
    public async Task Account_and_history_requests()
    {
        var (client, handler) = Create();
        using var _ = client;

        await client.GetHistoryAsync(new PredictionHistoryQuery
        {
            Page = 2, PageSize = 50, Model = "flash", Status = PredictionStatus.Completed,
            CreatedAfter = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero),
        });
        await client.DeletePredictionsAsync(["6488c2754f6f4dfea924382fa14d11bd", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"]);
        var balance = await client.GetBalanceAsync();

        Assert.Equal(12.5m, balance);
        Snapshot.Match(handler.Requests.Select(Describe).ToList());
    }

    [Fact]
    public async Task Result_request()
    {
        var (client, handler) = Create();
        using var _ = client;

        var result = await client.WaitForCompletionAsync(client.GetPrediction(PredictionJson.Id));

        Assert.Equal(PredictionJson.Id, result.PredictionId);
        Snapshot.Match(Describe(Assert.Single(handler.Requests)));
    }

    // The version and the OS differ between builds and machines: the snapshot records that they are sent, not their values.
    private static object Describe(RecordedRequest request) => new
    {
        request.Method,
        request.PathAndQuery,
        Authorization = request.Authorization?.Replace(Key, "<key>", StringComparison.Ordinal),
        request.Accept,
        request.ClientName,
        ClientVersion = request.ClientVersion is { Length: > 0 } ? "<version>" : null,
        ClientOs = request.ClientOs is "linux" or "darwin" or "windows" ? "<os>" : request.ClientOs,
        request.ContentType,
        Body = request.Body is null ? null : JToken.Parse(request.Body),
    };
}
