using System.Globalization;

namespace PhotonSdk.Emulator;

/// <summary>Runs the emulator from the command line until Ctrl+C.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        EmulatorCommandLine commandLine;
        try
        {
            commandLine = EmulatorCommandLine.Parse(args);
        }
        catch (ArgumentException ex)
        {
            // The "(Parameter 'x')" suffix names a C# parameter, which means nothing on a command line.
            var message = ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal);
            await Console.Error.WriteLineAsync($"{message}{Environment.NewLine}{Environment.NewLine}{EmulatorCommandLine.Usage}").ConfigureAwait(false);
            return 2;
        }

        if (commandLine.ShowHelp)
        {
            Console.WriteLine(EmulatorCommandLine.Usage);
            return 0;
        }

        var options = commandLine.Options;
        try
        {
            var emulator = await WaveSpeedEmulator.StartCoreAsync(options, consoleHost: true, CancellationToken.None).ConfigureAwait(false);
            await using (emulator.ConfigureAwait(false))
            {
                Console.WriteLine($"WaveSpeed API emulator listening on {emulator.BaseUrl} (API at {emulator.ApiBaseUrl}).");
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"API keys: {(options.ApiKeys.Count == 0 ? "any non-empty Bearer key" : $"{options.ApiKeys.Count} configured")}; latency scale {options.LatencyScale}; rate-limit tier {options.RateLimitTier}; seed {(options.Seed?.ToString(CultureInfo.InvariantCulture) ?? "none")}."));
                Console.WriteLine($"Webhook secret: {emulator.WebhookSecret}. Press Ctrl+C to stop.");
                await emulator.WaitForShutdownAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (IOException ex)
        {
            // Kestrel reports an address in use or not available as an IOException at start.
            await Console.Error.WriteLineAsync($"Could not listen on {options.Urls}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        return 0;
    }
}
