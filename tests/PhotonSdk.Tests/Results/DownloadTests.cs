using PhotonSdk.Tests.Infrastructure;
using WireMock.ResponseBuilders;

namespace PhotonSdk.Tests.Results;

public sealed class DownloadTests : WireMockTestBase, IDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 8, 7];
    private readonly string _directory = Directory.CreateTempSubdirectory("photon-download-").FullName;

    private static ImageGenerationResult Result(GeneratedImage image) =>
        PhotonModelFactory.ImageGenerationResult(PredictionJson.Id, "luma/photon-flash", [image], 0.005m, PhotonModelFactory.PredictionTimings(null, null, null, TimeSpan.Zero), 1);

    [Fact]
    public async Task A_url_output_is_saved_under_the_prediction_id_without_sending_the_key()
    {
        Server.Given(Get("/cdn/out.png")).RespondWith(Response.Create().WithHeader("Content-Type", "image/png").WithBody(Png));
        var image = PhotonModelFactory.GeneratedImage(PredictionJson.Id, 0, new Uri($"{Server.Url}/cdn/out.png"), null, "image/png", false);

        var path = await Client.SaveAsync(Result(image), _directory + Path.DirectorySeparatorChar);

        Assert.Equal(Path.Combine(_directory, $"{PredictionJson.Id}.png"), path);
        Assert.Equal(Png, await File.ReadAllBytesAsync(path));
        Assert.False(Assert.Single(Requests).RequestMessage!.Headers!.ContainsKey("Authorization"));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task A_data_output_is_saved_to_the_named_file()
    {
        var image = PhotonModelFactory.GeneratedImage(PredictionJson.Id, 0, null, Png, "image/png", false);
        var target = Path.Combine(_directory, "nested", "fox.png");

        var path = await Client.SaveAsync(Result(image), target);

        Assert.Equal(target, path);
        Assert.Equal(Png, await File.ReadAllBytesAsync(target));
        Assert.Empty(Server.LogEntries);
    }

    [Fact]
    public async Task A_download_stops_at_the_size_bound_and_leaves_no_file()
    {
        Client = CreateClient(o => o.MaxDownloadBytes = 1024);
        Server.Given(Get("/cdn/huge.png")).RespondWith(Response.Create().WithHeader("Content-Type", "image/png").WithBody(new byte[64 * 1024]));
        var image = PhotonModelFactory.GeneratedImage(PredictionJson.Id, 0, new Uri($"{Server.Url}/cdn/huge.png"), null, "image/png", false);

        var error = await Assert.ThrowsAsync<PhotonImageSaveException>(() => Client.SaveAsync(Result(image), _directory + Path.DirectorySeparatorChar));

        Assert.Contains("larger than 1024 bytes", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Theory]
    [InlineData("fox.jpg", "fox.png")]
    [InlineData("fox", "fox.png")]
    [InlineData("fox.PNG", "fox.PNG")]
    [InlineData("fox.raw", "fox.raw")]
    public async Task A_file_gets_the_extension_of_its_bytes_when_it_names_another_image_type_or_none(string named, string written)
    {
        var image = PhotonModelFactory.GeneratedImage(PredictionJson.Id, 0, null, Png, "image/png", false);

        var path = await Client.SaveAsync(Result(image), Path.Combine(_directory, named));

        Assert.Equal(Path.Combine(_directory, written), path);
        Assert.Equal(Png, await File.ReadAllBytesAsync(path));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task A_failed_download_keeps_the_prediction_id_and_the_url()
    {
        Server.Given(Get("/cdn/gone.png")).RespondWith(Response.Create().WithStatusCode(404));
        var url = new Uri($"{Server.Url}/cdn/gone.png");
        var image = PhotonModelFactory.GeneratedImage(PredictionJson.Id, 0, url, null, "image/png", false);
        var target = _directory + Path.DirectorySeparatorChar;

        var error = await Assert.ThrowsAsync<PhotonImageSaveException>(() => Client.SaveAsync(Result(image), target));

        Assert.Equal(PredictionJson.Id, error.PredictionId);
        Assert.Equal(url, error.ImageUrl);
        Assert.Equal(target, error.Path);
        Assert.Equal("luma/photon-flash", error.ModelId);
        Assert.StartsWith($"Prediction {PredictionJson.Id} finished and is billed, but its image could not be saved to {target}: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"Its image stays at {url} for 7 days; fetch it again by the prediction id.", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<PhotonException>(error.InnerException);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task A_file_that_cannot_be_written_keeps_the_prediction_id()
    {
        var image = PhotonModelFactory.GeneratedImage(PredictionJson.Id, 0, null, Png, "image/png", false);
        var blocker = Path.Combine(_directory, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where a folder should be");
        var target = Path.Combine(blocker, "fox.png");

        var error = await Assert.ThrowsAsync<PhotonImageSaveException>(() => Client.SaveAsync(Result(image), target));

        Assert.Equal(PredictionJson.Id, error.PredictionId);
        Assert.Null(error.ImageUrl);
        Assert.Equal(target, error.Path);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
        Assert.Contains("Its image is in the result, as bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/a.png")]
    public async Task Only_http_urls_are_downloaded(string url)
    {
        var image = PhotonModelFactory.GeneratedImage(PredictionJson.Id, 0, new Uri(url), null, null, false);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.DownloadAsync(image, new MemoryStream()));

        Assert.Equal("image", error.ParamName);
        Assert.Empty(Server.LogEntries);
    }

    [Fact]
    public async Task An_expired_output_says_so()
    {
        Server.Given(Get("/cdn/gone.png")).RespondWith(Response.Create().WithStatusCode(404));
        var image = PhotonModelFactory.GeneratedImage(PredictionJson.Id, 0, new Uri($"{Server.Url}/cdn/gone.png"), null, "image/png", false);

        var error = await Assert.ThrowsAsync<PhotonException>(() => Client.DownloadAsync(image, new MemoryStream()));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("7 days", error.Message, StringComparison.Ordinal);
    }

    void IDisposable.Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        Dispose();
    }
}
