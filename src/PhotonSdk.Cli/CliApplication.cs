using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Diagnostics.CodeAnalysis;
using PhotonSdk.Cli.Commands;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Hosting;
using PhotonSdk.Cli.Output;

namespace PhotonSdk.Cli;

/// <summary>
/// The <c>photon</c> tool as a function from arguments, streams and environment to an exit code, so that it runs the
/// same in a process and in a test. Every failure ends here and becomes one line on stderr and the exit code of its class.
/// </summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(environment);

        var context = new CommandContext(new Terminal(stdout, stderr, environment.IsTerminal), environment);
        var root = CreateRootCommand(context);
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var message in ParseErrorMessages.For(parse, root)) await stderr.WriteLineAsync($"Error: {message}").ConfigureAwait(false);
            var command = string.Join(' ', parse.CommandResult.Command == root ? ["photon"] : ["photon", parse.CommandResult.Command.Name]);
            await stderr.WriteLineAsync($"Run '{command} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            EnableDefaultExceptionHandler = false,
            // The caller owns Ctrl+C (Program.cs cancels the token); System.CommandLine must not take it over.
            ProcessTerminationTimeout = null,
        };
        return await InvokeAsync(parse, configuration, stderr, cancellationToken).ConfigureAwait(false);
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Every failure becomes a message and an exit code.")]
    private static async Task<int> InvokeAsync(ParseResult parse, InvocationConfiguration configuration, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var failure = Failure.From(e);
            var details = failure.ExitCode == ExitCodes.Unexpected ? await WriteDetailsAsync(e).ConfigureAwait(false) : null;
            await stderr.WriteLineAsync($"Error: {failure.Message}{details}").ConfigureAwait(false);
            return failure.ExitCode;
        }
    }

    /// <summary>Writes an unexpected error's full details (type, stack) to a file, so that stderr stays one readable line.</summary>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Failing to write the details must not hide the error itself.")]
    private static async Task<string> WriteDetailsAsync(Exception error)
    {
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "photon")).FullName;
            var path = Path.Combine(folder, $"error-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
            await File.WriteAllTextAsync(path, error.ToString()).ConfigureAwait(false);
            return $" The details were written to {path}; please include them in a bug report.";
        }
        catch (Exception)
        {
            return "";
        }
    }

    private static RootCommand CreateRootCommand(CommandContext context)
    {
        var root = new RootCommand(
            "photon: generate images with WaveSpeedAI's Luma Photon models. With WAVESPEED_API_KEY set it calls WaveSpeed " +
            "(WAVESPEED_BASE_URL overrides the address); without it, it runs against a local emulator started in-process.")
        {
            GenerateCommand.Create(context),
            BatchCommand.Create(context),
            GetCommand.Create(context),
            BalanceCommand.Create(context),
            HistoryCommand.Create(context),
            UploadCommand.Create(context),
            McpCommand.Create(context),
            EmulatorCommand.Create(context),
        };

        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction standard } help) help.Action = new ExitCodesHelpAction(standard);
        }

        return root;
    }
}
