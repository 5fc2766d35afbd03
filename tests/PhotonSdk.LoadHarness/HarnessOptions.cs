using System.Globalization;

namespace PhotonSdk.LoadHarness;

/// <summary>The harness's command-line switches; every count and time is bounded so that a run stops by itself.</summary>
internal sealed class HarnessOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/PhotonSdk.LoadHarness -- [options]
          --modes LIST              comma-separated: polling, fresh, sync, baseline, burst (default all five); fresh makes
                                    a new client per prediction, so none is timed by what earlier ones taught it
          --predictions N           predictions per mode for polling, sync and baseline (default 200)
          --concurrency N           predictions in flight at once in those modes (default 20)
          --latency-jitter SHARE    spread each emulated latency within this share either side (default 0, the emulator's)
          --burst N                 predictions submitted at once in the burst mode (default 10000)
          --burst-latency-scale X   emulator latency scale during the burst (default 1: flash 3 s, photon 8 s)
          --max-connections N       client connections to the emulator (default 256)
          --time-limit SECONDS      the bound on each mode; what is unfinished then counts as errors (default 600)
        """;

    public IReadOnlyList<string> Modes { get; private set; } = ["polling", FreshClients.Mode, "sync", "baseline", "burst"];

    public int Predictions { get; private set; } = 200;

    public int Concurrency { get; private set; } = 20;

    public double LatencyJitter { get; private set; }

    public int Burst { get; private set; } = 10_000;

    public double BurstLatencyScale { get; private set; } = 1.0;

    public int MaxConnections { get; private set; } = 256;

    public TimeSpan TimeLimit { get; private set; } = TimeSpan.FromSeconds(600);

    public bool ShowHelp { get; private set; }

    public static HarnessOptions Parse(string[] args)
    {
        var options = new HarnessOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                options.ShowHelp = true;
                continue;
            }

            if (i + 1 >= args.Length) throw new ArgumentException($"{name} needs a value.");
            var value = args[++i];
            switch (name)
            {
                case "--modes":
                    options.Modes = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    foreach (var mode in options.Modes)
                    {
                        if (mode is not ("polling" or FreshClients.Mode or "sync" or "baseline" or "burst")) throw new ArgumentException($"Unknown mode '{mode}'.");
                    }

                    break;
                case "--predictions": options.Predictions = Count(name, value, 100_000); break;
                case "--concurrency": options.Concurrency = Count(name, value, 10_000); break;
                case "--latency-jitter": options.LatencyJitter = Number(name, value, 0, 0.9); break;
                case "--burst": options.Burst = Count(name, value, 50_000); break;
                case "--burst-latency-scale": options.BurstLatencyScale = Number(name, value, 0, 10); break;
                case "--max-connections": options.MaxConnections = Count(name, value, 10_000); break;
                case "--time-limit": options.TimeLimit = TimeSpan.FromSeconds(Number(name, value, 1, 3_600)); break;
                default: throw new ArgumentException($"Unknown option {name}.");
            }
        }

        return options;
    }

    private static int Count(string name, string value, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 && count <= max
            ? count
            : throw new ArgumentException($"{name} must be a whole number from 1 to {max}.");

    private static double Number(string name, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{name} must be a number from {min} to {max}.");
}
