using PhotonSdk.Cli.Hosting;
using PhotonSdk.Cli.Output;

namespace PhotonSdk.Cli.Commands;

/// <summary>What every command of one run shares: its streams and its environment.</summary>
internal sealed class CommandContext
{
    /// <summary>The folder images go to when <c>--out</c> is not given, beneath the working directory.</summary>
    public const string DefaultOutputFolder = "photon-output";

    public CommandContext(Terminal terminal, CliEnvironment environment)
    {
        Terminal = terminal;
        Environment = environment;
    }

    public Terminal Terminal { get; }

    public CliEnvironment Environment { get; }

    public Task<ApiConnection> ConnectAsync(CancellationToken cancellationToken) =>
        ApiConnection.OpenAsync(Environment, Terminal.Error, cancellationToken);

    /// <summary>
    /// Where to save: <c>--out</c> resolved against the working directory (a file, or a folder when it exists or ends
    /// in a separator), else <c>./photon-output/</c>, where files are named after the prediction id.
    /// </summary>
    public string OutputTarget(string? outOption) =>
        outOption == CommonOptions.StandardOutput ? outOption
        : string.IsNullOrWhiteSpace(outOption)
            ? Path.Combine(Environment.WorkingDirectory, DefaultOutputFolder) + Path.DirectorySeparatorChar
            : Environment.ResolvePath(outOption);

    /// <summary>A folder for many files: like <see cref="OutputTarget"/>, always ending in a separator.</summary>
    public string OutputFolder(string? outOption)
    {
        var target = OutputTarget(outOption);
        return Path.EndsInDirectorySeparator(target) ? target : target + Path.DirectorySeparatorChar;
    }
}
