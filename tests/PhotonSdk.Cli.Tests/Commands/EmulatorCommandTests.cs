using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Tests.Infrastructure;
using static PhotonSdk.Cli.Tests.Infrastructure.CliAssert;

namespace PhotonSdk.Cli.Tests.Commands;

public sealed class EmulatorCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task It_serves_the_api_until_cancelled_and_then_exits_0()
    {
        var stdout = new WatchedWriter();
        using var ctrlC = new CancellationTokenSource();
        var server = _cli.RunAsync(["emulator", "--urls", "http://127.0.0.1:0", "--api-key", "k1", "--initial-balance", "7"], stdout: stdout, cancellationToken: ctrlC.Token);

        var banner = await stdout.WhenWrittenAsync("Press Ctrl+C to stop.").WaitAsync(TimeSpan.FromSeconds(10));
        var baseUrl = new Uri(banner.Split("listening on ")[1].Split(' ')[0]);
        using (var client = new PhotonClient(new PhotonClientOptions { ApiKey = "k1", BaseUrl = baseUrl }))
        {
            Assert.Equal(7m, await client.GetBalanceAsync());
        }

        await ctrlC.CancelAsync();
        var run = await server;

        AssertExit(run, ExitCodes.Success);
        Assert.Contains("Emulator stopped.", run.Stdout, StringComparison.Ordinal);
        using var probe = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => probe.GetAsync(baseUrl));
    }

    [Fact]
    public async Task An_unknown_emulator_option_exits_2()
    {
        var run = await _cli.RunAsync(["emulator", "--urls", "http://127.0.0.1:0", "--no-such-option"]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains("--no-such-option", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_out_of_range_emulator_option_exits_2_naming_it()
    {
        var run = await _cli.RunAsync(["emulator", "--urls", "http://127.0.0.1:0", "--failure-rate", "2"]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains("Option --failure-rate: Must be between 0 and 1. Got '2'.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("photon emulator --help", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
