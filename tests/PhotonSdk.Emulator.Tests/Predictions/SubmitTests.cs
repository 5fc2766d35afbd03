using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.Predictions;

public sealed class SubmitTests
{
    // The real submit response recorded in the API reference (§1.2).
    private const string RecordedSubmitResponse = """
        {"code":200,"message":"success","data":{"id":"6488c2754f6f4dfea924382fa14d11bd","model":"alibaba/wan-2.5/text-to-image",
         "outputs":[],"urls":{"get":"https://api.wavespeed.ai/api/v3/predictions/6488c2754f6f4dfea924382fa14d11bd/result"},
         "has_nsfw_contents":[],"status":"created","created_at":"2025-09-29T23:09:43.027Z","error":"","executionTime":0,"timings":{"inference":0}}}
        """;

    [Fact]
    public async Task Submit_response_has_every_field_of_the_recorded_response_with_the_same_json_kinds()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = "a lighthouse at night" }));
        var actual = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSameShape(JsonNode.Parse(RecordedSubmitResponse)!, actual, "$");
        Assert.Equal(200, actual.NumberAt("code"));
        Assert.Equal("success", actual.StringAt("message"));
    }

    [Fact]
    public async Task Submit_response_carries_the_documented_values_of_a_new_prediction()
    {
        await using var session = await EmulatorSession.StartAsync();

        var data = await session.SubmitAsync("luma/photon-flash", new { prompt = "a lighthouse at night" });

        var id = data.StringAt("id");
        Assert.Matches(new Regex("^[0-9a-f]{32}$"), id);
        Assert.Equal("luma/photon-flash", data.StringAt("model"));
        Assert.Equal("created", data.StringAt("status"));
        Assert.Empty(data["outputs"]!.AsArray());
        Assert.Empty(data["has_nsfw_contents"]!.AsArray());
        Assert.Equal("", data.StringAt("error"));
        Assert.Equal(0, data.NumberAt("code"));
        Assert.Equal(new Uri(session.Emulator.ApiBaseUrl, $"predictions/{id}/result"), new Uri(data["urls"].StringAt("get")));
        Assert.EndsWith("Z", data.StringAt("created_at"), StringComparison.Ordinal);
        Assert.True(DateTimeOffset.TryParse(data.StringAt("created_at"), out _));
        Assert.Equal("a lighthouse at night", data["input"].StringAt("prompt"));
        Assert.True(data.ContainsKey("executionTime"), "executionTime is camelCase on the wire");
        Assert.False(data.ContainsKey("execution_time"));
    }

    [Theory]
    [MemberData(nameof(SpecModels.Paths), MemberType = typeof(SpecModels))]
    public async Task Every_model_of_the_spec_is_served_and_completes(string path)
    {
        await using var session = await EmulatorSession.StartAsync();
        var model = SpecModels.ByPath(path);
        object body = model.TakesImage
            ? new { prompt = "make it snow", image = "https://example.com/input.png" }
            : new { prompt = "a quiet harbour" };

        var submitted = await session.SubmitAsync(path, body);
        var result = await session.ResultAsync(submitted.StringAt("id"));

        Assert.Equal(model.Id, submitted.StringAt("model"));
        Assert.Equal("completed", result.StringAt("status"));
        Assert.Single(result["outputs"]!.AsArray());
    }

    [Fact]
    public async Task Unknown_model_is_answered_404_in_the_error_envelope()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Api.PostAsync("luma/photon-ultra", Json.Body(new { prompt = "x" }));
        var body = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, body.NumberAt("code"));
        Assert.Contains("luma/photon-ultra", body.StringAt("message"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{}""", 1400)]
    [InlineData("""{"prompt":""}""", 1400)]
    [InlineData("""{"prompt":"   "}""", 1400)]
    [InlineData("""{"prompt":null}""", 1400)]
    [InlineData("""{"prompt":42}""", 1401)]
    [InlineData("""{"prompt":"ok","enable_base64_output":"yes"}""", 1401)]
    [InlineData("""{"prompt":"ok","enable_sync_mode":1}""", 1401)]
    public async Task Invalid_input_is_answered_400_with_the_documented_task_code(string body, int taskCode)
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Api.PostAsync("luma/photon", Json.Raw(body));
        var error = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, error.NumberAt("code"));
        Assert.Equal(taskCode, error["data"].NumberAt("code"));
        var named = taskCode == 1400 ? "prompt" : body.Contains("enable_base64", StringComparison.Ordinal) ? "enable_base64_output" : body.Contains("sync", StringComparison.Ordinal) ? "enable_sync_mode" : "prompt";
        Assert.Contains(named, error.StringAt("message"), StringComparison.Ordinal);
        Assert.Contains(named, error["data"].StringAt("error"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"prompt":"make it blue"}""", 1400)]
    [InlineData("""{"prompt":"make it blue","image":""}""", 1400)]
    [InlineData("""{"prompt":"make it blue","image":7}""", 1401)]
    [InlineData("""{"prompt":"make it blue","image":"not a url"}""", 1401)]
    public async Task Modify_model_needs_an_image_url(string body, int taskCode)
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Api.PostAsync("luma/photon-flash-modify", Json.Raw(body));
        var error = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(taskCode, error["data"].NumberAt("code"));
        Assert.Contains("image", error.StringAt("message"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public async Task A_body_that_is_not_a_json_object_is_refused_with_1401(string body)
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Api.PostAsync("luma/photon", Json.Raw(body));
        var error = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1401, error["data"].NumberAt("code"));
    }

    [Fact]
    public async Task Unknown_input_properties_are_accepted_and_echoed()
    {
        await using var session = await EmulatorSession.StartAsync();

        var data = await session.SubmitAsync("luma/photon", new { prompt = "a cat", aspect_ratio = "16:9" });

        Assert.Equal("16:9", data["input"].StringAt("aspect_ratio"));
    }

    [Fact]
    public async Task Prediction_ids_are_distinct_and_repeat_under_the_same_seed()
    {
        async Task<List<string>> IdsAsync(int seed)
        {
            await using var session = await EmulatorSession.StartAsync(o => o.Seed = seed);
            var ids = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                ids.Add((await session.SubmitAsync("luma/photon-flash", new { prompt = $"p{i}" })).StringAt("id"));
            }

            return ids;
        }

        var first = await IdsAsync(11);
        var again = await IdsAsync(11);
        var other = await IdsAsync(12);

        Assert.Equal(5, first.Distinct().Count());
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Result_of_an_unknown_id_is_404()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Api.GetAsync("predictions/00000000000000000000000000000000/result");
        var body = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, body.NumberAt("code"));
    }

    private static void AssertSameShape(JsonNode expected, JsonNode actual, string path)
    {
        Assert.True(expected.GetValueKind() == actual.GetValueKind(), $"{path}: expected {expected.GetValueKind()}, got {actual.GetValueKind()}");
        if (expected is JsonObject expectedObject)
        {
            foreach (var (name, value) in expectedObject)
            {
                var actualValue = actual.AsObject()[name];
                Assert.True(actualValue is not null, $"{path}.{name} is missing from {actual.ToJsonString()}");
                AssertSameShape(value!, actualValue!, $"{path}.{name}");
            }
        }
        else if (expected.GetValueKind() == JsonValueKind.String && expected.GetValue<string>().Length > 0)
        {
            Assert.NotEqual("", actual.GetValue<string>());
        }
    }
}
