using System.Net;
using System.Text.Json.Nodes;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.Predictions;

public sealed class HistoryTests
{
    [Theory]
    [InlineData("""{"page_size":10}""", 1400, "page")]
    [InlineData("""{"page":1}""", 1400, "page_size")]
    [InlineData("""{"page":0,"page_size":10}""", 1401, "page")]
    [InlineData("""{"page":1,"page_size":0}""", 1401, "page_size")]
    [InlineData("""{"page":1,"page_size":101}""", 1401, "page_size")]
    [InlineData("""{"page":"1","page_size":10}""", 1401, "page")]
    [InlineData("""{"page":1,"page_size":10,"created_after":"yesterday"}""", 1401, "created_after")]
    public async Task Bad_paging_or_filters_are_answered_400(string body, int taskCode, string named)
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Api.PostAsync("predictions", Json.Raw(body));
        var error = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, error.NumberAt("code"));
        Assert.Equal(taskCode, error["data"].NumberAt("code"));
        Assert.Contains(named, error.StringAt("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_pages_newest_first_with_the_total()
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o => o.TimeProvider = clock);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await session.SubmitAsync("luma/photon-flash", new { prompt = $"picture {i}" })).StringAt("id"));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await PageAsync(session, new { page = 1, page_size = 2 });
        var last = await PageAsync(session, new { page = 3, page_size = 2 });
        var beyond = await PageAsync(session, new { page = 4, page_size = 2 });

        Assert.Equal(1, first.NumberAt("page"));
        Assert.Equal(5, first.NumberAt("total"));
        Assert.Equal([ids[4], ids[3]], Ids(first));
        Assert.Equal([ids[0]], Ids(last));
        Assert.Empty(Ids(beyond));
        var item = first["items"]![0]!;
        Assert.Equal("completed", item.StringAt("status"));
        Assert.True(item.AsObject().ContainsKey("executionTime"));
        Assert.True(item.AsObject().ContainsKey("timings"));
    }

    [Fact]
    public async Task History_filters_by_model_status_and_creation_time()
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o => { o.LatencyScale = 1; o.TimeProvider = clock; });
        var start = clock.GetUtcNow();
        var flash = (await session.SubmitAsync("luma/photon-flash", new { prompt = "one" })).StringAt("id");
        clock.Advance(TimeSpan.FromSeconds(10));
        var photon = (await session.SubmitAsync("luma/photon", new { prompt = "two" })).StringAt("id");
        clock.Advance(TimeSpan.FromSeconds(1));

        var byModel = await PageAsync(session, new { page = 1, page_size = 10, model = "luma/photon" });
        var completed = await PageAsync(session, new { page = 1, page_size = 10, status = "completed" });
        var processing = await PageAsync(session, new { page = 1, page_size = 10, status = "processing" });
        var after = await PageAsync(session, new { page = 1, page_size = 10, created_after = (start + TimeSpan.FromSeconds(5)).ToString("O") });
        var before = await PageAsync(session, new { page = 1, page_size = 10, created_before = (start + TimeSpan.FromSeconds(5)).ToString("O") });

        Assert.Equal([photon], Ids(byModel));
        Assert.Equal([flash], Ids(completed));
        Assert.Equal([photon], Ids(processing));
        Assert.Equal([photon], Ids(after));
        Assert.Equal([flash], Ids(before));
    }

    private static async Task<JsonNode> PageAsync(EmulatorSession session, object query)
    {
        using var response = await session.Api.PostAsync("predictions", Json.Body(query));
        var envelope = await Json.ReadObjectAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return envelope["data"]!;
    }

    private static List<string> Ids(JsonNode page) => page["items"]!.AsArray().Select(i => i.StringAt("id")).ToList();
}
