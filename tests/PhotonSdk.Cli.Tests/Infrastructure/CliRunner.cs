using PhotonSdk.Cli.Hosting;
using PhotonSdk.Emulator;

namespace PhotonSdk.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the tool in-process, as a user would from a fresh folder: its own temporary working directory, captured
/// stdout and stderr, no API key (so an in-process emulator with no latency) unless a test says otherwise.
/// </summary>
public sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        WorkingDirectory = Directory.CreateTempSubdirectory("photon-cli-tests-").FullName;
    }

    public string WorkingDirectory { get; }

    /// <summary>The bytes the last run wrote to stdout as a stream (<c>--out -</c>); readable after the run closed it.</summary>
    public MemoryStream LastStdoutBytes { get; private set; } = new();

    public string OutputFolder => Path.Combine(WorkingDirectory, "photon-output");

    public async Task<CliResult> RunAsync(string[] args, Action<EmulatorOptions>? configureEmulator = null, string? apiKey = null, string? baseUrl = null,
        WatchedWriter? stdout = null, WatchedWriter? stderr = null, IReadOnlyDictionary<string, string>? variables = null,
        PollingOptions? emulatorPolling = null, Func<string, bool>? confirm = null, CancellationToken cancellationToken = default)
    {
        stdout ??= new WatchedWriter();
        stderr ??= new WatchedWriter();
        var stdoutBytes = new MemoryStream();
        LastStdoutBytes = stdoutBytes;
        var environment = new CliEnvironment
        {
            ApiKey = apiKey,
            BaseUrl = baseUrl,
            WorkingDirectory = WorkingDirectory,
            IsTerminal = false,
            EmulatorLatencyScale = 0,
            EmulatorPolling = emulatorPolling ?? new PollingOptions { FirstDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) },
            ConfigureEmulator = configureEmulator,
            // Each test's keyless runs share one account, as a user's would; other tests never see it.
            EmulatorStateFile = Path.Combine(WorkingDirectory, ".photon", "emulator-state.jsonl"),
            ReadVariable = name => variables?.GetValueOrDefault(name),
            // `photon mcp` must never read the test process's own stdin; an empty input ends a server at once.
            McpStreams = (new MemoryStream(), new MemoryStream()),
            OpenStandardOutput = () => stdoutBytes,
            Confirm = confirm,
        };
        var exitCode = await CliApplication.RunAsync(args, stdout, stderr, environment, cancellationToken);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public string WriteFile(string name, string contents)
    {
        var path = Path.Combine(WorkingDirectory, name);
        File.WriteAllText(path, contents);
        return path;
    }

    /// <summary>The image files under the output folder, its batch folders included, in name order.</summary>
    public string[] SavedImages() =>
        Directory.Exists(OutputFolder)
            ? Directory.GetFiles(OutputFolder, "*", SearchOption.AllDirectories)
                .Where(path => Path.GetExtension(path) is ".png" or ".jpg" or ".jpeg" or ".webp")
                .Order(StringComparer.Ordinal)
                .ToArray()
            : [];

    /// <summary>Where <c>photon batch NAME.ext</c> puts its images, journal, manifest and contact sheet by default.</summary>
    public string BatchFolder(string inputFileName) => Path.Combine(OutputFolder, Path.GetFileNameWithoutExtension(inputFileName));

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
