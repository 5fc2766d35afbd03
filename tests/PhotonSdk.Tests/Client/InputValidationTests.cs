using PhotonSdk.Tests.Infrastructure;

namespace PhotonSdk.Tests.Client;

// One test clears WAVESPEED_API_KEY for the whole process while it runs.
[Collection(RunsAlone.Name)]
public sealed class InputValidationTests : WireMockTestBase
{
    public static TheoryData<string, GenerationOptions?, string, string> BadCalls => new()
    {
        { "", null, "prompt", "empty" },
        { "   ", null, "prompt", "empty" },
        { new string('x', 10_001), null, "prompt", "10001 characters" },
        { "A cat", new GenerationOptions { Model = "luma/photon-ultra" }, "options", "Unknown model 'luma/photon-ultra'" },
        { "A cat", new GenerationOptions { ResponseFormat = ImageResponseFormat.Data, Webhook = new Uri("https://example.com/hook") }, "options", "cannot be combined" },
        { "A cat", new GenerationOptions { Webhook = new Uri("/hook", UriKind.Relative) }, "options", "absolute http(s) URL" },
        { "A cat", new GenerationOptions { Webhook = new Uri("ftp://example.com/hook") }, "options", "absolute http(s) URL" },
        { "A cat", new GenerationOptions { Model = "flash", Quality = PhotonQuality.Final }, "options", "not both" },
        { "A cat", new GenerationOptions { Model = "luma/photon-modify" }, "options", "set options.InputImage" },
        { "A cat", new GenerationOptions { Model = "flash", InputImage = new Uri("https://example.com/cat.png") }, "options", "takes no options.InputImage" },
        { "A cat", new GenerationOptions { InputImage = new Uri("file:///tmp/cat.png") }, "options", "absolute http(s) URL" },
        { "A cat", new GenerationOptions { WaitTimeout = TimeSpan.Zero }, "options", "WaitTimeout" },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public async Task Bad_input_fails_at_once_naming_the_parameter_and_nothing_is_sent(string prompt, GenerationOptions? options, string parameter, string message)
    {
        var generate = await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.GenerateAsync(prompt, options));
        var submit = await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.SubmitAsync(prompt, options));

        Assert.Equal(parameter, generate.ParamName);
        Assert.Contains(message, generate.Message, StringComparison.Ordinal);
        Assert.Equal(parameter, submit.ParamName);
        Assert.Empty(Server.LogEntries);
    }

    [Fact]
    public async Task A_null_prompt_is_an_argument_null_exception()
    {
        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => Client.GenerateAsync(null!));
        Assert.Equal("prompt", error.ParamName);
        Assert.Empty(Server.LogEntries);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("id with spaces")]
    public void A_malformed_prediction_id_is_refused(string id)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Client.GetPrediction(id));
        Assert.Equal("predictionId", error.ParamName);
    }

    [Fact]
    public void A_client_without_a_key_says_where_to_put_one()
    {
        var saved = Environment.GetEnvironmentVariable(PhotonClientOptions.ApiKeyEnvironmentVariable);
        Environment.SetEnvironmentVariable(PhotonClientOptions.ApiKeyEnvironmentVariable, null);
        try
        {
            var error = Assert.Throws<ArgumentException>(() => new PhotonClient(new PhotonClientOptions()));
            Assert.Contains("WAVESPEED_API_KEY", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PhotonClientOptions.ApiKeyEnvironmentVariable, saved);
        }
    }

    [Theory]
    [InlineData("https://api.wavespeed.ai", "https://api.wavespeed.ai/api/v3/")]
    [InlineData("https://api.wavespeed.ai/", "https://api.wavespeed.ai/api/v3/")]
    [InlineData("https://api.wavespeed.ai/api/v3", "https://api.wavespeed.ai/api/v3/")]
    [InlineData("http://127.0.0.1:5599", "http://127.0.0.1:5599/api/v3/")]
    public void The_base_url_gets_the_api_path_once(string baseUrl, string expected)
    {
        using var client = new PhotonClient(new PhotonClientOptions { ApiKey = "k", BaseUrl = new Uri(baseUrl) });
        Assert.Equal(new Uri(expected), client.ApiRoot);
    }

    [Fact]
    public void Invalid_polling_options_are_refused_at_construction()
    {
        var error = Assert.Throws<ArgumentException>(() => new PhotonClient(new PhotonClientOptions { ApiKey = "k", Polling = { Growth = 0.5 } }));
        Assert.Contains("Growth", error.Message, StringComparison.Ordinal);
    }
}
