using System.Net;
using System.Text.Json.Nodes;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.Predictions;

/// <summary>
/// The history endpoint as the API reference describes it (§2.7): <c>page</c> from 1 and <c>page_size</c> from 1 to
/// 100, both required; filters <c>model</c>, <c>status</c> (completed, failed or processing), <c>created_after</c> and
/// <c>created_before</c>; the last 7 days only, newest first, with the page and the total. A batch reads it to find
/// the predictions of submits whose answers were lost, a model and a time window at a time, page after page.
/// </summary>
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
    [InlineData("""{"page":1,"page_size":10,"created_before":12}""", 1401, "created_before")]
    [InlineData("""{"page":1,"page_size":10,"model":7}""", 1401, "model")]
    [InlineData("""{"page":1,"page_size":10,"status":"created"}""", 1401, "status")]
    [InlineData("""{"page":1,"page_size":10,"status":"Completed"}""", 1401, "status")]
    public async Task Reference_bad_paging_or_filters_are_answered_400(string body, int taskCode, string named)
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
    public async Task Reference_history_pages_newest_first_with_the_page_and_the_total()
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
    public async Task Reference_history_filters_by_model_status_and_creation_time()
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

    [Fact]
    public async Task Reference_history_filters_on_each_documented_status()
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o =>
        {
            o.LatencyScale = 1;
            o.TimeProvider = clock;
            o.Faults.ModerationWords.Add("forbidden");
        });
        var completed = (await session.SubmitAsync("luma/photon-flash", new { prompt = "a fox" })).StringAt("id");
        var failed = (await session.SubmitAsync("luma/photon-flash", new { prompt = "a forbidden fox" })).StringAt("id");
        clock.Advance(TimeSpan.FromSeconds(3));
        var processing = (await session.SubmitAsync("luma/photon", new { prompt = "a slow fox" })).StringAt("id");
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([completed], Ids(await PageAsync(session, new { page = 1, page_size = 10, status = "completed" })));
        Assert.Equal([failed], Ids(await PageAsync(session, new { page = 1, page_size = 10, status = "failed" })));
        Assert.Equal([processing], Ids(await PageAsync(session, new { page = 1, page_size = 10, status = "processing" })));
    }

    [Fact]
    public async Task Reference_history_pages_through_one_models_time_window_giving_each_prediction_once()
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o => o.TimeProvider = clock);
        var start = clock.GetUtcNow();
        var inWindow = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var model = i % 3 == 0 ? "luma/photon" : "luma/photon-flash";
            var id = (await session.SubmitAsync(model, new { prompt = $"picture {i}" })).StringAt("id");
            if (model == "luma/photon-flash" && i is >= 30 and < 270) inWindow.Add(id);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var window = new { from = (start + TimeSpan.FromSeconds(30)).ToString("O"), to = (start + TimeSpan.FromSeconds(269)).ToString("O") };
        var read = new List<string>();
        var pages = new List<JsonNode>();
        for (var page = 1; page <= 3; page++)
        {
            var data = await PageAsync(session, new { page, page_size = 100, model = "luma/photon-flash", created_after = window.from, created_before = window.to });
            pages.Add(data);
            read.AddRange(Ids(data));
        }

        inWindow.Reverse();
        Assert.Equal(160, inWindow.Count);
        Assert.Equal(inWindow, read);
        Assert.All(pages, p => Assert.Equal(160, p.NumberAt("total")));
        Assert.Equal([1, 2, 3], pages.Select(p => p.NumberAt("page")));
        Assert.Equal([100, 60, 0], pages.Select(p => p["items"]!.AsArray().Count));
    }

    [Fact]
    public async Task Reference_history_covers_the_last_seven_days_only()
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o => o.TimeProvider = clock);
        var old = (await session.SubmitAsync("luma/photon-flash", new { prompt = "last week" })).StringAt("id");
        clock.Advance(TimeSpan.FromDays(1));
        var recent = (await session.SubmitAsync("luma/photon-flash", new { prompt = "six days ago" })).StringAt("id");

        clock.Advance(TimeSpan.FromDays(6) - TimeSpan.FromSeconds(1));
        var beforeExpiry = await PageAsync(session, new { page = 1, page_size = 10 });
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterExpiry = await PageAsync(session, new { page = 1, page_size = 10 });

        Assert.Equal([recent, old], Ids(beforeExpiry));
        Assert.Equal([recent], Ids(afterExpiry));
        Assert.Equal(1, afterExpiry.NumberAt("total"));
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
