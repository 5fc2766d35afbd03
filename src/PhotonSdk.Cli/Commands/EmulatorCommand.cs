using System.CommandLine;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Emulator;

namespace PhotonSdk.Cli.Commands;

/// <summary>
/// <c>photon emulator</c>: runs the WaveSpeed API emulator in the foreground until Ctrl+C, for other programs (or other
/// <c>photon</c> runs, with <c>WAVESPEED_BASE_URL</c>) to use. Its options are the emulator's own, so that the two
/// never disagree; only the default address differs.
/// </summary>
internal static class EmulatorCommand
{
    /// <summary>A fixed port, so that <c>WAVESPEED_BASE_URL</c> stays the same from one run to the next.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5599";

    public static Command Create(CommandContext context)
    {
        var emulatorCommandLine = new EmulatorCommandLine(DefaultUrls);
        var command = new Command("emulator", "Run the local WaveSpeed API emulator in the foreground until Ctrl+C.");
        foreach (var option in emulatorCommandLine.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => RunAsync(context, emulatorCommandLine.GetEmulatorOptions(parse), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, EmulatorOptions options, CancellationToken cancellationToken)
    {
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
