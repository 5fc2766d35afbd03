using System.Diagnostics;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Tests.Infrastructure;
using static PhotonSdk.Cli.Tests.Infrastructure.CliAssert;

namespace PhotonSdk.Cli.Tests.Commands;

/// <summary>
/// <c>photon generate</c> waits through the client's own schedule: it checks when the model is expected to be ready,
/// not after a delay of its own.
/// </summary>
public sealed class GenerateTimingTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task It_checks_when_the_in_process_emulator_should_be_done_rather_than_after_the_first_delay()
    {
        // At a tenth of real latency Photon Flash is ready after 0.3 s. Were the tool to keep a schedule of its own it
        // would first check after the 20 s it is told to wait when it expects nothing.
        var polling = new PollingOptions { FirstDelay = TimeSpan.FromSeconds(20), MaxDelay = TimeSpan.FromSeconds(20) };
        var started = Stopwatch.GetTimestamp();

        var run = await _cli.RunAsync(["generate", "A red fox in the snow"], configureEmulator: o => o.LatencyScale = 0.1, emulatorPolling: polling);

        AssertExit(run, ExitCodes.Success);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromMilliseconds(300), polling.ExpectedDurations["luma/photon-flash"]);
        Assert.Equal(TimeSpan.FromMilliseconds(800), polling.ExpectedDurations["luma/photon"]);
    }

    public void Dispose() => _cli.Dispose();
}
