using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Tests.Infrastructure;
using static PhotonSdk.Cli.Tests.Infrastructure.CliAssert;
using PhotonSdk.Emulator;

namespace PhotonSdk.Cli.Tests.Hosting;

public sealed class ApiConnectionTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task With_a_key_it_calls_the_base_url_and_starts_no_emulator()
    {
        var options = new EmulatorOptions { LatencyScale = 0, InitialBalance = 42.5m };
        await using var emulator = await WaveSpeedEmulator.StartAsync(options);

        var run = await _cli.RunAsync(["balance"], apiKey: "any-key", baseUrl: emulator.BaseUrl.ToString());

        AssertExit(run, ExitCodes.Success);
        Assert.Equal("Balance: 42.50 USD", Assert.Single(run.StdoutLines));
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task A_refused_key_exits_3_and_is_never_printed()
    {
        var options = new EmulatorOptions { LatencyScale = 0 };
        options.ApiKeys.Add("the-right-key");
        await using var emulator = await WaveSpeedEmulator.StartAsync(options);

        var run = await _cli.RunAsync(["generate", "A red fox"], apiKey: "sk-wrong-key-123", baseUrl: emulator.BaseUrl.ToString());

        AssertExit(run, ExitCodes.Authentication);
        Assert.Contains("HTTP 401", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-wrong-key-123", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_url_that_is_not_a_url_exits_2_before_anything_is_sent()
    {
        var run = await _cli.RunAsync(["balance"], apiKey: "any-key", baseUrl: "not a url");

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains("WAVESPEED_BASE_URL is not an absolute URL", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_local_base_url_without_a_key_is_used_and_its_state_carries_across_runs()
    {
        await using var emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0 });

        var generate = await _cli.RunAsync(["generate", "A red fox", "--json"], baseUrl: emulator.BaseUrl.ToString());
        var history = await _cli.RunAsync(["history"], baseUrl: emulator.BaseUrl.ToString());

        Assert.Equal(0, generate.ExitCode);
        Assert.Contains($"using the emulator at {emulator.BaseUrl} from WAVESPEED_BASE_URL", generate.Stderr, StringComparison.Ordinal);
        var printed = System.Text.Json.JsonDocument.Parse(generate.Stdout).RootElement;
        var id = printed.GetProperty("predictionId").GetString()!;
        Assert.Contains(id, history.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, emulator.PredictionsCreated);
        // That emulator outlives the command, so the image's URL is worth printing, and it is fetchable.
        using var http = new HttpClient();
        using var image = await http.GetAsync(new Uri(printed.GetProperty("url").GetString()!));
        Assert.Equal(System.Net.HttpStatusCode.OK, image.StatusCode);
    }

    [Fact]
    public async Task A_remote_base_url_without_a_key_is_refused_with_what_to_do()
    {
        var run = await _cli.RunAsync(["balance"], baseUrl: "https://api.example.com");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("WAVESPEED_BASE_URL is set to https://api.example.com/ but WAVESPEED_API_KEY is not. Set the key, or unset WAVESPEED_BASE_URL to use the built-in emulator.", run.Stderr, StringComparison.Ordinal);
    }
}
