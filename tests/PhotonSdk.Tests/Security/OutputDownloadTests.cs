using PhotonSdk.Tests.Infrastructure;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace PhotonSdk.Tests.Security;

/// <summary>
/// What an output URL or a prediction id from the server cannot make the SDK do: read a non-http(s) resource, follow a
/// redirect off http(s), carry the API key to another host, or write outside the directory the caller chose.
/// Results/DownloadTests covers the basics (file: and ftp: refused, the size bound by Content-Length, no key sent to the
/// CDN).
/// </summary>
public sealed class OutputDownloadTests : WireMockTestBase, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("photon-security-").FullName;

    private static ImageGenerationResult Result(string predictionId, Uri url) =>
        PhotonModelFactory.ImageGenerationResult(predictionId, "luma/photon-flash", [PhotonModelFactory.GeneratedImage(predictionId, 0, url, null, "image/png", false)], 0.005m, PhotonModelFactory.PredictionTimings(null, null, null, TimeSpan.Zero), 1);

    /// <summary>A client with the HttpClient the SDK makes for itself, redirect handling and all.</summary>
    private PhotonClient OwnHttpClient() =>
        new(new PhotonClientOptions { ApiKey = ApiKey, BaseUrl = new Uri(Server.Url!), Retry = { MaxRetryAttempts = 0 } });

    [Theory]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("javascript:alert(1)")]
    [InlineData("gopher://127.0.0.1:70/1")]
    [InlineData("ws://127.0.0.1:9/socket")]
    [InlineData("file://fileserver/share/secret.png")]
    public async Task Output_urls_that_are_not_http_are_refused_before_any_request(string url)
    {
        var image = PhotonModelFactory.GeneratedImage(null, 0, new Uri(url), null, null, false);
        var destination = new MemoryStream();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.DownloadAsync(image, destination));

        Assert.Equal("image", error.ParamName);
        Assert.Contains("Only http(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, destination.Length);
        Assert.Empty(Server.LogEntries);
    }

    [Fact]
    public async Task A_body_without_Content_Length_stops_at_the_size_bound_however_much_the_server_sends()
    {
        const int limit = 1024 * 1024;
        await using var cdn = new RawHttpServer(_ => RawReply.Endless(200, "\u0089PNG", 512L * 1024 * 1024, "image/png"));
        using var client = new PhotonClient(new PhotonClientOptions { ApiKey = ApiKey, BaseUrl = new Uri(Server.Url!), MaxDownloadBytes = limit });
        var destination = new MemoryStream();

        var error = await Assert.ThrowsAsync<PhotonException>(() => client.DownloadAsync(PhotonModelFactory.GeneratedImage(null, 0, new Uri(cdn.Url, "out.png"), null, null, false), destination));

        Assert.Contains("MaxDownloadBytes", error.Message, StringComparison.Ordinal);
        Assert.InRange(destination.Length, 0, limit);
        // What the client did not read sat in socket buffers; the server never got to send more than a few MB.
        Assert.InRange(cdn.BodyBytesSent, limit, 16L * 1024 * 1024);
    }

    [Fact]
    public async Task A_redirect_to_a_file_url_is_not_followed()
    {
        Server.Given(Get("/cdn/out.png")).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "file:///etc/passwd"));
        using var client = OwnHttpClient();

        var error = await Assert.ThrowsAsync<PhotonImageSaveException>(() => client.SaveAsync(Result(PredictionJson.Id, new Uri($"{Server.Url}/cdn/out.png")), _root + Path.DirectorySeparatorChar));

        Assert.Equal(PredictionJson.Id, error.PredictionId);
        Assert.Single(Server.LogEntries);
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_api_key_does_not_follow_a_redirect_to_another_host()
    {
        using var elsewhere = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], StartAdminInterface = false });
        elsewhere.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Completed()));
        Server.Given(Get(ResultPath)).RespondWith(Response.Create().WithStatusCode(307).WithHeader("Location", elsewhere.Url + ResultPath));
        using var client = OwnHttpClient();

        var handle = client.GetPrediction(PredictionJson.Id);
        try
        {
            await handle.UpdateStatusAsync();
        }
        catch (PhotonException)
        {
            // Whether the SDK follows the redirect or stops at it, the key must stay with the API host.
        }

        Assert.Equal($"Bearer {ApiKey}", Assert.Single(Requests).RequestMessage!.Headers!["Authorization"].Single());
        Assert.All(elsewhere.LogEntries, entry => Assert.False(entry.RequestMessage!.Headers!.ContainsKey("Authorization")));
    }

    [Theory]
    [InlineData("../escaped")]
    [InlineData("../../escaped")]
    [InlineData("nested/../../escaped")]
    [InlineData("..")]
    public async Task A_prediction_id_that_is_a_path_cannot_write_outside_the_chosen_directory(string predictionId)
    {
        Server.Given(Get("/cdn/out.png")).RespondWith(Response.Create().WithHeader("Content-Type", "image/png").WithBody([0x89, 0x50, 0x4E, 0x47]));
        var target = Directory.CreateDirectory(Path.Combine(_root, "a", "b", "out")).FullName;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.SaveAsync(Result(predictionId, new Uri($"{Server.Url}/cdn/out.png")), target + Path.DirectorySeparatorChar));

        Assert.Equal("result", error.ParamName);
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
        Assert.Empty(Server.LogEntries);
    }

    [Fact]
    public async Task A_prediction_id_is_not_used_for_the_temporary_file_when_the_caller_names_the_file()
    {
        Server.Given(Get("/cdn/out.png")).RespondWith(Response.Create().WithHeader("Content-Type", "image/png").WithBody([0x89, 0x50, 0x4E, 0x47]));
        var target = Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "a", "b")).FullName, "fox.png");

        var path = await Client.SaveAsync(Result("../../escaped", new Uri($"{Server.Url}/cdn/out.png")), target);

        Assert.Equal(target, path);
        Assert.Equal([target], Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    void IDisposable.Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Dispose();
    }
}
