using System.CommandLine;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Emulator;

namespace PhotonSdk.Cli.Commands;

/// <summary>
/// <c>photon emulator</c>: runs the WaveSpeed API emulator in the foreground until Ctrl+C, for other programs (or other
/// <c>photon</c> runs, with <c>WAVESPEED_BASE_URL</c>) to use. Options other than <c>--urls</c> go to the emulator's
/// own command line, so that the two never disagree about what they mean.
/// </summary>
internal static class EmulatorCommand
{
    /// <summary>A fixed port, so that <c>WAVESPEED_BASE_URL</c> stays the same from one run to the next.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5599";

    public static Command Create(CommandContext context)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen, separated by ';' (default {DefaultUrls}; http://127.0.0.1:0 picks a free port)",
            DefaultValueFactory = _ => DefaultUrls,
            HelpName = "urls",
        };

        var command = new Command("emulator", "Run the local WaveSpeed API emulator in the foreground until Ctrl+C. Other options are the emulator's (listed below).")
        {
            urls,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) =>
            RunAsync(context, ["--urls", parse.GetValue(urls) ?? DefaultUrls, .. parse.UnmatchedTokens], cancellationToken));
        return command;
    }

    /// <summary>The emulator's own option lines, for <c>photon emulator --help</c>.</summary>
    public static IEnumerable<string> EmulatorOptionLines() =>
        EmulatorCommandLine.Usage.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.TrimStart().StartsWith("--", StringComparison.Ordinal) && !line.TrimStart().StartsWith("--urls", StringComparison.Ordinal));

    private static async Task<int> RunAsync(CommandContext context, IReadOnlyList<string> emulatorArgs, CancellationToken cancellationToken)
    {
        var options = EmulatorCommandLine.Parse(emulatorArgs).Options;
        var output = context.Terminal.Out;
        WaveSpeedEmulator emulator;
        try
        {
            emulator = await WaveSpeedEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            // Kestrel reports an address in use or unavailable as an IOException.
            await context.Terminal.Error.WriteLineAsync($"Error: could not listen on {options.Urls}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.ServerOrNetwork;
        }

        await using (emulator.ConfigureAwait(false))
        {
            await output.WriteLineAsync($"WaveSpeed API emulator listening on {emulator.BaseUrl} (API at {emulator.ApiBaseUrl}). Press Ctrl+C to stop.")
                .ConfigureAwait(false);
            var keys = options.ApiKeys.Count == 0 ? "any-key" : "<one of the --api-key values>";
            await output.WriteLineAsync($"Use it with: WAVESPEED_BASE_URL={emulator.BaseUrl} WAVESPEED_API_KEY={keys} photon generate \"...\"")
                .ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C is how a foreground server is meant to stop.
            }
        }

        await output.WriteLineAsync("Emulator stopped.").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
