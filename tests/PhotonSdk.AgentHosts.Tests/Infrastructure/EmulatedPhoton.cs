using System.Text.RegularExpressions;
using PhotonSdk.Emulator;

namespace PhotonSdk.AgentHosts.Tests.Infrastructure;

/// <summary>
/// The WaveSpeed emulator in-process, on a loopback port, with a real <see cref="PhotonClient"/> that polls quickly.
/// Predictions finish in milliseconds, except with <see cref="SlowModel"/>; a prompt with <see cref="ModerationWord"/>
/// fails content moderation. What was submitted is read back from the emulator's history.
/// </summary>
public sealed partial class EmulatedPhoton : IAsyncDisposable
{
    public const string ModerationWord = "forbidden";

    /// <summary>The model that takes <see cref="SlowLatency"/>: long enough for a one-second wait to run out.</summary>
    public static readonly string SlowModel = PhotonModels.Photon.Id;

    public static readonly TimeSpan SlowLatency = TimeSpan.FromSeconds(2.5);

    public const decimal InitialBalance = 10.00m;

    private const double LatencyScale = 0.01;

    private EmulatedPhoton(WaveSpeedEmulator emulator)
    {
        Emulator = emulator;
        Client = new PhotonClient(new PhotonClientOptions
        {
            ApiKey = "any-key",
            BaseUrl = emulator.BaseUrl,
            Polling = new PollingOptions { FirstDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(30), UseTypicalDurations = false },
        });
    }

    public WaveSpeedEmulator Emulator { get; }

    public PhotonClient Client { get; }

    public static async Task<EmulatedPhoton> StartAsync()
    {
        var options = new EmulatorOptions { LatencyScale = LatencyScale, Seed = 7, InitialBalance = InitialBalance };
        options.Faults.ModerationWords.Add(ModerationWord);
        options.ModelLatencies[SlowModel] = SlowLatency / LatencyScale;
        return new EmulatedPhoton(await WaveSpeedEmulator.StartAsync(options));
    }

    /// <summary>Every prediction the emulator accepted, newest first.</summary>
    public async Task<IReadOnlyList<PredictionSummary>> PredictionsAsync() =>
        (await Client.GetHistoryAsync(new PredictionHistoryQuery { PageSize = 100 })).Items;

    /// <summary>The only prediction the emulator accepted.</summary>
    public async Task<PredictionSummary> SinglePredictionAsync() => Assert.Single(await PredictionsAsync());

    /// <summary>The image URL in a text that quotes a ready reply; fails when there is none.</summary>
    public static string ImageUrlIn(string text)
    {
        var match = ImageReady().Match(text);
        Assert.True(match.Success, $"No image URL in: {text}");
        return match.Groups["url"].Value;
    }

    /// <summary>Downloads <paramref name="url"/> as a user's browser would and checks that it is a PNG from the emulator.</summary>
    public async Task AssertServesPngAsync(string url)
    {
        Assert.StartsWith(Emulator.BaseUrl.ToString(), url, StringComparison.Ordinal);
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(url));
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes[..4]);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }

    [GeneratedRegex(@"Image ready: (?<url>https?://\S+)")]
    private static partial Regex ImageReady();
}
