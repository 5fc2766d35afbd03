using PhotonSdk.Emulator;

namespace PhotonSdk.SemanticKernel.Tests.Integration;

/// <summary>One in-process emulator for the end-to-end tests: predictions finish at once, and prompts with "forbidden" fail moderation.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string ModerationWord = "forbidden";

    private WaveSpeedEmulator? _emulator;

    public WaveSpeedEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>Options for a client of the emulator that polls quickly.</summary>
    public PhotonClientOptions ClientOptions() => new()
    {
        ApiKey = "test-key",
        BaseUrl = Emulator.BaseUrl,
        Polling = new PollingOptions { FirstDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(30), UseTypicalDurations = false },
    };

    public PhotonClient CreateClient() => new(ClientOptions());

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { LatencyScale = 0, Seed = 7 };
        options.Faults.ModerationWords.Add(ModerationWord);
        _emulator = await WaveSpeedEmulator.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        if (_emulator is not null) await _emulator.DisposeAsync();
    }
}
