using PhotonSdk.Emulator;

namespace PhotonSdk.Cli.Hosting;

/// <summary>
/// What a run of the tool takes from its surroundings: the API key and address, the working directory, whether a
/// person is watching, and how the in-process emulator behaves when no key is set. Tests build one by hand, so that
/// nothing leaks in from the process environment.
/// </summary>
internal sealed class CliEnvironment
{
    /// <summary>The WaveSpeed API key; without one the tool runs against an in-process emulator.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The API address; WaveSpeed's when <see langword="null"/>. Used only with an <see cref="ApiKey"/>.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Where relative paths and the default output folder are resolved.</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>Whether stderr is a terminal, where live status and progress bars are drawn.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>
    /// Scales the in-process emulator's latency profile. The default keeps a Photon Flash image at about 0.75 s and a
    /// Photon image at about 2 s: fast, yet slow enough to show the statuses a real prediction goes through.
    /// </summary>
    public double EmulatorLatencyScale { get; init; } = 0.25;

    /// <summary>How the tool polls the in-process emulator; sooner than WaveSpeed's 2 s, to match its shorter latency.</summary>
    public PollingOptions EmulatorPolling { get; init; } = new()
    {
        FirstDelay = TimeSpan.FromMilliseconds(500),
        MaxDelay = TimeSpan.FromSeconds(2),
    };

    /// <summary>Adjusts the in-process emulator's options after the defaults are set (tests inject faults this way).</summary>
    public Action<EmulatorOptions>? ConfigureEmulator { get; init; }

    /// <summary>Reads the environment of this process.</summary>
    public static CliEnvironment FromProcess() => new()
    {
        ApiKey = NonEmpty(Environment.GetEnvironmentVariable(PhotonClientOptions.ApiKeyEnvironmentVariable)),
        BaseUrl = NonEmpty(Environment.GetEnvironmentVariable(PhotonClientOptions.BaseUrlEnvironmentVariable)),
        WorkingDirectory = Environment.CurrentDirectory,
        IsTerminal = !Console.IsErrorRedirected,
    };

    /// <summary>Resolves a path given on the command line against <see cref="WorkingDirectory"/>, keeping a trailing separator.</summary>
    public string ResolvePath(string path) =>
        Path.IsPathFullyQualified(path) ? path : Path.Combine(WorkingDirectory, path);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
