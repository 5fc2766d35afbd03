using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace PhotonSdk.DependencyInjection.Tests;

/// <summary>
/// A client from dependency injection sends every request through the SDK's one policy, which tells submits from reads
/// by operation: each POST that only reads (history, delete, upload ticket) is sent again after a 503, each submit is
/// not (the server may have taken it) but is after a 429 (it provably did not).
/// </summary>
public sealed class RequestPolicyTests : IDisposable
{
    private const string Id = "6488c2754f6f4dfea924382fa14d11bd";
    private const string Created = """{"code":200,"message":"success","data":{"id":"6488c2754f6f4dfea924382fa14d11bd","model":"luma/photon-flash","status":"created","outputs":[]}}""";

    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], StartAdminInterface = false });

    public static TheoryData<string, string> ReadPosts => new()
    {
        { "history", "/api/v3/predictions" },
        { "delete", "/api/v3/predictions/delete" },
        { "upload ticket", "/api/v3/media/uploads" },
    };

    public static TheoryData<string, string> Submits => new()
    {
        { "luma/photon-flash", "/api/v3/luma/photon-flash" },
        { "luma/photon", "/api/v3/luma/photon" },
        { "luma/photon-flash-modify", "/api/v3/luma/photon-flash-modify" },
        { "luma/photon-modify", "/api/v3/luma/photon-modify" },
    };

    [Theory]
    [MemberData(nameof(ReadPosts))]
    public async Task A_post_that_only_reads_is_sent_again_after_a_503(string operation, string path)
    {
        _server.Given(Request.Create().WithPath(path).UsingPost()).InScenario(operation).WillSetStateTo("answered")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("""{"code":503,"message":"busy"}"""));
        _server.Given(Request.Create().WithPath(path).UsingPost()).InScenario(operation).WhenStateIs("answered")
            .RespondWith(Response.Create().WithBody(SuccessFor(operation).Replace("URL", _server.Url, StringComparison.Ordinal)));
        _server.Given(Request.Create().WithPath("/storage/cat.png").UsingPut()).RespondWith(Response.Create().WithStatusCode(200));
        using var provider = Provider();
        var client = provider.GetRequiredService<IPhotonClient>();

        await (operation switch
        {
            "history" => client.GetHistoryAsync(),
            "delete" => client.DeletePredictionsAsync([Id]),
            _ => (Task)client.UploadAsync(new MemoryStream([1, 2, 3]), "cat.png"),
        });

        Assert.Equal(2, Posts(path));
    }

    [Theory]
    [MemberData(nameof(Submits))]
    public async Task A_submit_is_not_sent_again_after_a_503(string model, string path)
    {
        _server.Given(Request.Create().WithPath(path).UsingPost()).RespondWith(Response.Create().WithStatusCode(503).WithBody("""{"code":503,"message":"busy"}"""));
        using var provider = Provider();
        var client = provider.GetRequiredService<IPhotonClient>();

        var error = await Assert.ThrowsAsync<PhotonSubmissionUncertainException>(() => client.SubmitAsync("A lighthouse", OptionsFor(model)));

        Assert.Equal(1, Posts(path));
        Assert.Equal(503, error.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Submits))]
    public async Task A_submit_is_sent_again_after_a_429_because_the_server_did_not_take_it(string model, string path)
    {
        _server.Given(Request.Create().WithPath(path).UsingPost()).InScenario(model).WillSetStateTo("limited")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0").WithBody("""{"code":429,"message":"slow down"}"""));
        _server.Given(Request.Create().WithPath(path).UsingPost()).InScenario(model).WhenStateIs("limited")
            .RespondWith(Response.Create().WithBody(Created));
        using var provider = Provider();
        var client = provider.GetRequiredService<IPhotonClient>();

        var handle = await client.SubmitAsync("A lighthouse", OptionsFor(model));

        Assert.Equal(Id, handle.Id);
        Assert.Equal(2, Posts(path));
    }

    public void Dispose() => _server.Dispose();

    private ServiceProvider Provider()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Photon:ApiKey"] = "di-key",
            ["Photon:BaseUrl"] = _server.Url,
            ["Photon:Retry:BaseDelay"] = "00:00:00",
            ["Photon:Retry:UseJitter"] = "false",
        }).Build().GetSection("Photon");
        var services = new ServiceCollection().AddLogging();
        services.AddPhotonClient(configuration);
        return services.BuildServiceProvider();
    }

    private static GenerationOptions OptionsFor(string model) =>
        model.EndsWith("-modify", StringComparison.Ordinal)
            ? new GenerationOptions { Model = model, InputImage = new Uri("https://cdn.example/in.png") }
            : new GenerationOptions { Model = model };

    private static string SuccessFor(string operation) => operation switch
    {
        "history" => """{"code":200,"message":"success","data":{"page":1,"total":0,"items":[]}}""",
        "delete" => """{"code":200,"message":"success","data":{"deleted_count":1}}""",
        // The upload's PUT goes to the storage URL the ticket names; WireMock stands in for it too.
        _ => "{\"code\":200,\"message\":\"success\",\"data\":{\"download_url\":\"https://cdn.example/cat.png\",\"filename\":\"cat.png\",\"size\":3,\"upload\":{\"url\":\"URL/storage/cat.png\",\"method\":\"PUT\"}}}",
    };

    private int Posts(string path) =>
        _server.LogEntries.Count(e => e.RequestMessage!.Method == "POST" && e.RequestMessage.Path == path);
}
