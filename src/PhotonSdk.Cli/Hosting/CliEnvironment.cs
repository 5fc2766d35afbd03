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

    /// <summary>
    /// How the tool polls an emulator: sooner than WaveSpeed's 2 s when it knows nothing of a model, to match the
    /// in-process emulator's shorter latency, whose scaled durations it is told to expect when it starts one.
    /// </summary>
    public PollingOptions EmulatorPolling { get; init; } = new()
    {
        FirstDelay = TimeSpan.FromMilliseconds(500),
        MaxDelay = TimeSpan.FromSeconds(2),
    };

    /// <summary>
    /// Where the in-process emulator keeps its predictions between commands, so that a printed <c>photon get &lt;id&gt;</c>,
    /// <c>history</c> and <c>balance</c> work in the next run; <see langword="null"/> keeps nothing.
    /// </summary>
    public string? EmulatorStateFile { get; init; }

    /// <summary>The variable that moves the keyless emulator's state file, or turns it off with <c>none</c>.</summary>
    public const string EmulatorStateVariable = "PHOTON_EMULATOR_STATE";

    /// <summary>Adjusts the in-process emulator's options after the defaults are set (tests inject faults this way).</summary>
    public Action<EmulatorOptions>? ConfigureEmulator { get; init; }

    /// <summary>The streams <c>photon mcp</c> speaks the protocol over; stdin and stdout when <see langword="null"/> (tests pass pipes).</summary>
    public (Stream Input, Stream Output)? McpStreams { get; init; }

    /// <summary>Opens the stream image bytes go to for <c>--out -</c>; the process's stdout unless a test passes another.</summary>
    public Func<Stream> OpenStandardOutput { get; init; } = Console.OpenStandardOutput;

    /// <summary>Reads other environment variables by name; none are set unless <see cref="FromProcess"/> made this.</summary>
    public Func<string, string?> ReadVariable { get; init; } = _ => null;

    /// <summary>
    /// Asks the person at the terminal a yes/no question and says whether they answered yes; <see langword="null"/> when
    /// nobody can answer (stdin or stderr redirected), so that a command needing consent refuses instead of waiting.
    /// </summary>
    public Func<string, bool>? Confirm { get; init; }

    /// <summary>Reads the environment of this process.</summary>
    public static CliEnvironment FromProcess() => new()
    {
        ApiKey = NonEmpty(Environment.GetEnvironmentVariable(PhotonClientOptions.ApiKeyEnvironmentVariable)),
        BaseUrl = NonEmpty(Environment.GetEnvironmentVariable(PhotonClientOptions.BaseUrlEnvironmentVariable)),
        WorkingDirectory = Environment.CurrentDirectory,
        IsTerminal = !Console.IsErrorRedirected,
        ReadVariable = Environment.GetEnvironmentVariable,
        EmulatorStateFile = DefaultEmulatorStateFile(Environment.GetEnvironmentVariable(EmulatorStateVariable)),
        Confirm = Console.IsInputRedirected || Console.IsErrorRedirected ? null : AskOnConsole,
    };

    /// <summary>The variable's path, nothing for <c>none</c>, else <c>photon/emulator-state.jsonl</c> in the user's local application data.</summary>
    private static string? DefaultEmulatorStateFile(string? variable) => NonEmpty(variable) switch
    {
        { } value when value.Equals("none", StringComparison.OrdinalIgnoreCase) => null,
        { } value => Path.GetFullPath(value),
        null => Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create) is { Length: > 0 } data
            ? Path.Combine(data, "photon", "emulator-state.jsonl")
            : null,
    };

    private static bool AskOnConsole(string question)
    {
        Console.Error.Write($"{question} [y/N] ");
        return Console.ReadLine()?.Trim().ToUpperInvariant() is "Y" or "YES";
    }

    /// <summary>An environment variable as a whole number, <see langword="null"/> when unset.</summary>
    /// <exception cref="ArgumentException">It is set to something else.</exception>
    public int? Integer(string name) =>
        Variable(name) is { } text
            ? int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new ArgumentException($"{name} must be a whole number (was '{text}').", nameof(name))
            : null;

    /// <summary>An environment variable as a decimal number, <see langword="null"/> when unset.</summary>
    /// <exception cref="ArgumentException">It is set to something else.</exception>
    public decimal? Decimal(string name) =>
        Variable(name) is { } text
            ? decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new ArgumentException($"{name} must be a number such as 2.50 (was '{text}').", nameof(name))
            : null;

    private string? Variable(string name) => NonEmpty(ReadVariable(name));

    /// <summary>Resolves a path given on the command line against <see cref="WorkingDirectory"/>, keeping a trailing separator.</summary>
    public string ResolvePath(string path) =>
        Path.IsPathFullyQualified(path) ? path : Path.Combine(WorkingDirectory, path);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
