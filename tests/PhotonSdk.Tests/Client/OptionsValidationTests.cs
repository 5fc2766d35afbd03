using Microsoft.Extensions.Logging.Abstractions;
using PhotonSdk.Tests.Infrastructure;

namespace PhotonSdk.Tests.Client;

public sealed class OptionsValidationTests : WireMockTestBase
{
    private static PhotonClientOptions Valid() => new() { ApiKey = ApiKey, BaseUrl = new Uri("http://127.0.0.1:5599") };

    /// <summary>One broken rule per row: the setting, how it is broken, and the message that must name it and its value.</summary>
    public static TheoryData<string, Action<PhotonClientOptions>, string> BrokenRules => new()
    {
        { "Polling.FirstDelay", o => o.Polling.FirstDelay = TimeSpan.FromSeconds(-1), "Polling.FirstDelay must not be negative (was -00:00:01)" },
        { "Polling.Growth", o => o.Polling.Growth = 0.5, "Polling.Growth must be at least 1 (was 0.5)" },
        { "Polling.Growth NaN", o => o.Polling.Growth = double.NaN, "Polling.Growth must be at least 1 (was NaN)" },
        { "Polling.MaxDelay", o => o.Polling.MaxDelay = TimeSpan.Zero, "Polling.MaxDelay must be positive (was 00:00:00)" },
        { "Polling.Timeout", o => o.Polling.Timeout = TimeSpan.FromMinutes(-1), "Polling.Timeout must be positive (was -00:01:00)" },
        { "Polling.FastInterval", o => o.Polling.FastInterval = TimeSpan.FromMilliseconds(-1), "Polling.FastInterval must not be negative (was -00:00:00.0010000)" },
        { "Polling.MaxFastPolls low", o => o.Polling.MaxFastPolls = 0, "Polling.MaxFastPolls must be between 1 and 50 (was 0)" },
        { "Polling.MaxFastPolls high", o => o.Polling.MaxFastPolls = 51, "Polling.MaxFastPolls must be between 1 and 50 (was 51)" },
        { "Retry.MaxRetryAttempts low", o => o.Retry.MaxRetryAttempts = -1, "Retry.MaxRetryAttempts must be between 0 and 20 (was -1)" },
        { "Retry.MaxRetryAttempts high", o => o.Retry.MaxRetryAttempts = 21, "Retry.MaxRetryAttempts must be between 0 and 20 (was 21)" },
        { "Retry.BaseDelay", o => o.Retry.BaseDelay = TimeSpan.FromSeconds(-1), "Retry.BaseDelay must not be negative (was -00:00:01)" },
        {
            "Retry.MaxDelay", o => (o.Retry.BaseDelay, o.Retry.MaxDelay) = (TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)),
            "Retry.MaxDelay must not be less than BaseDelay, 00:00:02 (was 00:00:01)"
        },
        { "Retry.MaxRetryAfter", o => o.Retry.MaxRetryAfter = TimeSpan.FromSeconds(-1), "Retry.MaxRetryAfter must not be negative (was -00:00:01)" },
        { "Retry.AttemptTimeout", o => o.Retry.AttemptTimeout = TimeSpan.Zero, "Retry.AttemptTimeout must be positive (was 00:00:00)" },
        { "Retry.SyncAttemptTimeout", o => o.Retry.SyncAttemptTimeout = TimeSpan.Zero, "Retry.SyncAttemptTimeout must be positive (was 00:00:00)" },
        { "Routing.DefaultModel", o => o.Routing.DefaultModel = "luma/photon-ultra", "Routing.DefaultModel must be a catalog model's id, name or alias: luma/photon-flash, " },
        { "Routing.DefaultModel value", o => o.Routing.DefaultModel = "luma/photon-ultra", ", draft or final (was 'luma/photon-ultra')" },
        { "Routing.DefaultModel empty", o => o.Routing.DefaultModel = "", "(was '')" },
        { "BaseUrl", o => o.BaseUrl = new Uri("ftp://example.com/"), "BaseUrl must be an absolute http(s) URL (was 'ftp://example.com/')" },
        { "BaseUrl relative", o => o.BaseUrl = new Uri("/api", UriKind.Relative), "BaseUrl must be an absolute http(s) URL (was '/api')" },
        { "MaxPromptLength", o => o.MaxPromptLength = 0, "MaxPromptLength must be positive (was 0)" },
        { "MaxDownloadBytes", o => o.MaxDownloadBytes = -1, "MaxDownloadBytes must be positive (was -1)" },
        { "MaxUploadBytes", o => o.MaxUploadBytes = 0, "MaxUploadBytes must be positive (was 0)" },
        { "Routing", o => o.Routing = null!, "Routing must be set" },
        { "Polling", o => o.Polling = null!, "Polling must be set" },
        { "Retry", o => o.Retry = null!, "Retry must be set" },
        { "Telemetry", o => o.Telemetry = null!, "Telemetry must be set" },
        { "TimeProvider", o => o.TimeProvider = null!, "TimeProvider must be set" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Each_rule_rejects_its_bad_value_naming_the_setting_and_the_value(string setting, Action<PhotonClientOptions> breakIt, string message)
    {
        var options = Valid();
        breakIt(options);

        var error = Assert.Throws<ArgumentException>(() => new PhotonClient(options));

        Assert.Equal("options", error.ParamName);
        Assert.StartsWith("Invalid PhotonClientOptions: ", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), $"{setting}: expected '{message}' in '{error.Message}'");
        Assert.Equal(error.Message, Assert.Throws<ArgumentException>(options.Validate).Message);
    }

    [Fact]
    public void Every_invalid_setting_is_reported_in_one_exception_in_declaration_order()
    {
        var options = Valid();
        options.Routing.DefaultModel = "dall-e";
        options.Polling.Growth = 0;
        options.Polling.MaxFastPolls = 99;
        options.Retry.MaxRetryAttempts = 99;
        options.Retry.BaseDelay = TimeSpan.FromSeconds(5);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.MaxPromptLength = -5;

        var error = Assert.Throws<ArgumentException>(() => new PhotonClient(options));

        var listed = error.Message["Invalid PhotonClientOptions: ".Length..error.Message.IndexOf(". (Parameter", StringComparison.Ordinal)].Split("; ");
        Assert.Collection(
            listed,
            m => Assert.StartsWith("Routing.DefaultModel must be a catalog model's id, name or alias", m, StringComparison.Ordinal),
            m => Assert.Equal("Polling.Growth must be at least 1 (was 0)", m),
            m => Assert.Equal("Polling.MaxFastPolls must be between 1 and 50 (was 99)", m),
            // A rule across properties (IValidatableObject) is reported next to the broken properties, not instead of them.
            m => Assert.Equal("Retry.MaxRetryAttempts must be between 0 and 20 (was 99)", m),
            m => Assert.Equal("Retry.MaxDelay must not be less than BaseDelay, 00:00:05 (was 00:00:01)", m),
            m => Assert.Equal("MaxPromptLength must be positive (was -5)", m));
    }

    [Fact]
    public void Valid_options_pass_and_the_defaults_are_valid()
    {
        Valid().Validate();
        using var client = new PhotonClient(Valid());
        Assert.Equal(PhotonModels.PhotonFlash, client.DefaultModel);
    }

    [Fact]
    public void The_api_key_never_appears_in_a_validation_message()
    {
        var options = Valid();
        options.Polling.Growth = 0;

        var error = Assert.Throws<ArgumentException>(() => new PhotonClient(options));

        Assert.DoesNotContain(ApiKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clone_copies_the_nested_options_and_shares_the_clock_and_the_logger_factory()
    {
        var options = Valid();
        options.Polling.Growth = 2;
        options.Routing.FallbackToFlashWhenOverloaded = true;
        options.TimeProvider = Time;
        options.LoggerFactory = NullLoggerFactory.Instance;

        var copy = options.Clone();
        options.Polling.Growth = 3;
        options.Retry.MaxRetryAttempts = 7;
        options.Routing.DefaultModel = "photon";
        options.Telemetry.IncludePrompts = true;

        Assert.NotSame(options.Polling, copy.Polling);
        Assert.Equal(2, copy.Polling.Growth);
        Assert.Equal(3, copy.Retry.MaxRetryAttempts);
        Assert.Equal(PhotonModels.DraftAlias, copy.Routing.DefaultModel);
        Assert.True(copy.Routing.FallbackToFlashWhenOverloaded);
        Assert.False(copy.Telemetry.IncludePrompts);
        Assert.Equal(options.ApiKey, copy.ApiKey);
        Assert.Equal(options.BaseUrl, copy.BaseUrl);
        Assert.Same(Time, copy.TimeProvider);
        Assert.Same(NullLoggerFactory.Instance, copy.LoggerFactory);
    }

    [Fact]
    public async Task Changing_the_options_after_the_client_is_built_changes_nothing()
    {
        var options = new PhotonClientOptions { ApiKey = ApiKey, BaseUrl = new Uri(Server.Url!), TimeProvider = Time };
        Client.Dispose();
        Client = new PhotonClient(options, HttpClient);
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Sequence(Get(ResultPath), Json(PredictionJson.Envelope("processing")), Json(PredictionJson.Completed()));

        // Each of these would change a call (model, key, address, prompt bound, wait bound) if the client read them now;
        // some would not even pass validation.
        options.Routing.DefaultModel = "photon";
        options.ApiKey = "someone-else";
        options.BaseUrl = new Uri("http://127.0.0.1:1");
        options.MaxPromptLength = 5;
        options.Polling.Timeout = TimeSpan.FromTicks(1);
        options.Polling.Growth = 0;
        options.Retry = null!;

        var result = await Drive(Client.GenerateAsync("A lighthouse at dawn"));

        Assert.Equal("luma/photon-flash", result.ModelId);
        Assert.Equal(PhotonModels.PhotonFlash, Client.DefaultModel);
        Assert.Equal(new Uri(Server.Url + "/api/v3/"), Client.ApiRoot);
        var submit = Assert.Single(Requests, e => e.RequestMessage!.Method == "POST");
        Assert.Equal(FlashPath, submit.RequestMessage!.Path);
        Assert.Equal($"Bearer {ApiKey}", submit.RequestMessage.Headers!["Authorization"].Single());
        Assert.Equal(2, Count("GET", ResultPath));
    }
}

/// <summary>The rules that read <c>WAVESPEED_API_KEY</c> and <c>WAVESPEED_BASE_URL</c>; they change the process's environment, so they run alone.</summary>
[Collection(RunsAlone.Name)]
public sealed class OptionsEnvironmentTests
{
    [Theory]
    [InlineData("not a url", "WAVESPEED_BASE_URL is not an absolute URL: 'not a url'")]
    [InlineData("ftp://example.com", "WAVESPEED_BASE_URL must be an absolute http(s) URL (was 'ftp://example.com')")]
    public void A_bad_base_url_in_the_environment_is_reported_with_the_other_settings(string fromEnvironment, string message)
    {
        WithEnvironment(null, fromEnvironment, () =>
        {
            var options = new PhotonClientOptions { MaxPromptLength = 0 };

            var error = Assert.Throws<ArgumentException>(() => new PhotonClient(options));

            Assert.Equal(
                $"Invalid PhotonClientOptions: MaxPromptLength must be positive (was 0); No API key: set options.ApiKey or the WAVESPEED_API_KEY environment variable; {message}. (Parameter 'options')",
                error.Message);
        });
    }

    [Fact]
    public void The_environment_supplies_the_key_and_the_base_url_when_the_options_do_not()
    {
        WithEnvironment("ws-from-environment", "http://127.0.0.1:5599", () =>
        {
            var options = new PhotonClientOptions();
            options.Validate();

            using var client = new PhotonClient(options);

            Assert.Equal(new Uri("http://127.0.0.1:5599/api/v3/"), client.ApiRoot);
        });
    }

    [Fact]
    public void The_client_does_not_write_the_environment_into_the_caller_s_options()
    {
        WithEnvironment("ws-from-environment", null, () =>
        {
            var options = new PhotonClientOptions();

            using var client = new PhotonClient(options);

            Assert.Null(options.ApiKey);
            Assert.Null(options.BaseUrl);
            Assert.Equal(new Uri("https://api.wavespeed.ai/api/v3/"), client.ApiRoot);
        });
    }

    private static void WithEnvironment(string? apiKey, string? baseUrl, Action test)
    {
        var savedKey = Environment.GetEnvironmentVariable(PhotonClientOptions.ApiKeyEnvironmentVariable);
        var savedUrl = Environment.GetEnvironmentVariable(PhotonClientOptions.BaseUrlEnvironmentVariable);
        Environment.SetEnvironmentVariable(PhotonClientOptions.ApiKeyEnvironmentVariable, apiKey);
        Environment.SetEnvironmentVariable(PhotonClientOptions.BaseUrlEnvironmentVariable, baseUrl);
        try
        {
            test();
        }
        finally
        {
            Environment.SetEnvironmentVariable(PhotonClientOptions.ApiKeyEnvironmentVariable, savedKey);
            Environment.SetEnvironmentVariable(PhotonClientOptions.BaseUrlEnvironmentVariable, savedUrl);
        }
    }
}
