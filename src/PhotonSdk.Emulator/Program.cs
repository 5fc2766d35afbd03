using System.CommandLine;
using System.Globalization;

namespace PhotonSdk.Emulator;

/// <summary>Runs the emulator from the command line until Ctrl+C.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var commandLine = new EmulatorCommandLine();
        var root = new RootCommand("WaveSpeed API emulator: a local, offline stand-in for https://api.wavespeed.ai/api/v3.");
        foreach (var option in commandLine.Options)
        {
            root.Options.Add(option);
        }

        root.SetAction((parseResult, _) => RunAsync(commandLine.GetEmulatorOptions(parseResult)));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Run with --help for the list of options.").ConfigureAwait(false);
            return 2;
        }

        // The web host handles Ctrl+C itself; System.CommandLine must not take it over.
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);
    }

    private static async Task<int> RunAsync(EmulatorOptions options)
    {
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
