using System.Net;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.Predictions;

public sealed class DeleteTests
{
    [Fact]
    public async Task Delete_removes_known_ids_ignores_unknown_ones_and_counts()
    {
        await using var session = await EmulatorSession.StartAsync();
        var kept = (await session.SubmitAsync("luma/photon-flash", new { prompt = "kept" })).StringAt("id");
        var deleted = (await session.SubmitAsync("luma/photon-flash", new { prompt = "deleted" })).StringAt("id");
        var output = (await session.ResultAsync(deleted))["outputs"]![0]!.GetValue<string>();

        using var response = await session.Api.PostAsync("predictions/delete", Json.Body(new { ids = new[] { deleted, "ffffffffffffffffffffffffffffffff" } }));
        var body = await Json.ReadObjectAsync(response);
        using var result = await session.Api.GetAsync($"predictions/{deleted}/result");
        using var image = await session.Anonymous.GetAsync(output);
        using var history = await session.Api.PostAsync("predictions", Json.Body(new { page = 1, page_size = 10 }));
        var listed = (await Json.ReadObjectAsync(history))["data"]!["items"]!.AsArray().Select(i => i.StringAt("id"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body["data"].NumberAt("deleted_count"));
        Assert.Equal(HttpStatusCode.NotFound, result.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, image.StatusCode);
        Assert.Equal([kept], listed);
    }

    [Theory]
    [InlineData("""{}""", 1400)]
    [InlineData("""{"ids":[]}""", 1401)]
    [InlineData("""{"ids":"abc"}""", 1401)]
    public async Task Delete_without_ids_is_answered_400(string body, int taskCode)
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Api.PostAsync("predictions/delete", Json.Raw(body));
        var error = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(taskCode, error["data"].NumberAt("code"));
    }
}
