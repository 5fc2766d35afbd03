using System.Globalization;
using PhotonSdk.Batch;

namespace PhotonSdk.LoadHarness;

/// <summary>The harness's command-line switches; every count and time is bounded so that a run stops by itself.</summary>
internal sealed class HarnessOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/PhotonSdk.LoadHarness -- [options]
          --modes LIST              comma-separated: polling, fresh, sync, baseline, burst (default these five; fresh makes
                                    a new client per prediction, so none is timed by what earlier ones taught it), and
                                    the batch engine's batch-throughput and journal-resume and the cluster's orleans-jobs
                                    (run only when named)
          --predictions N           predictions per mode for polling, sync and baseline (default 200)
          --concurrency N           predictions in flight at once in those modes (default 20)
          --latency-jitter SHARE    spread each emulated latency within this share either side (default 0, the emulator's)
          --burst N                 predictions submitted at once in the burst mode (default 10000)
          --burst-latency-scale X   emulator latency scale during the burst (default 1: flash 3 s, photon 8 s)
          --max-connections N       client connections to the emulator (default 256)
          --time-limit SECONDS      the bound on each mode; what is unfinished then counts as errors (default 600)
          --tiers LIST              batch-throughput: the account levels to run at, emulator and batch alike
                                    (comma-separated: bronze, silver, gold, ultra; default silver,gold)
          --batch-prompts LIST      batch-throughput: prompts per tier, one number for all or one per tier (default 3000)
          --journal-items N         journal-resume: items in the journal that is resumed (default 100000)
          --jobs N                  orleans-jobs: image jobs on two silos (processes of samples/PhotonSdk.Samples.Jobs) at
                                    the Gold tier (default 12000: four full minutes of the tier); starts a Redis of
                                    its own (needs redis-server: apt-get install -y redis-server)
          --kill-silo-after SECONDS orleans-jobs: SECONDS after the last job was started, kill node 2's process with
                                    SIGKILL and start it again 5 s later (default: no kill)
        """;

    /// <summary>Every mode the harness knows; the batch and cluster modes run only when named.</summary>
    public static readonly IReadOnlyList<string> KnownModes = ["polling", FreshClients.Mode, "sync", "baseline", "burst", BatchThroughputMode.Name, JournalResumeMode.Name, OrleansJobsMode.Name];

    public IReadOnlyList<string> Modes { get; private set; } = ["polling", FreshClients.Mode, "sync", "baseline", "burst"];

    public int Predictions { get; private set; } = 200;

    public int Concurrency { get; private set; } = 20;

    public double LatencyJitter { get; private set; }

    public int Burst { get; private set; } = 10_000;

    public double BurstLatencyScale { get; private set; } = 1.0;

    public int MaxConnections { get; private set; } = 256;

    public TimeSpan TimeLimit { get; private set; } = TimeSpan.FromSeconds(600);

    public IReadOnlyList<PhotonAccountTier> Tiers { get; private set; } = [PhotonAccountTier.Silver, PhotonAccountTier.Gold];

    /// <summary>Prompts per tier of <see cref="Tiers"/>, in the same order.</summary>
    public IReadOnlyList<int> BatchPrompts { get; private set; } = [3_000];

    public int JournalItems { get; private set; } = 100_000;

    public int Jobs { get; private set; } = 12_000;

    /// <summary>orleans-jobs: how long after the last job was started node 2 is killed (SIGKILL) and started again; never when null.</summary>
    public TimeSpan? KillSiloAfter { get; private set; }

    public bool ShowHelp { get; private set; }

    /// <summary>The prompts of the <paramref name="index"/>-th tier: its own number, or the one number given for all.</summary>
    public int BatchPromptsOf(int index) => BatchPrompts[BatchPrompts.Count == 1 ? 0 : index];

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
                        if (!KnownModes.Contains(mode)) throw new ArgumentException($"Unknown mode '{mode}'.");
                    }

                    break;
                case "--tiers":
                    options.Tiers = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Tier)];
                    if (options.Tiers.Count == 0) throw new ArgumentException("--tiers needs at least one tier.");
                    break;
                case "--batch-prompts":
                    options.BatchPrompts = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => Count(name, n, 1_000_000))];
                    if (options.BatchPrompts.Count == 0) throw new ArgumentException("--batch-prompts needs a number.");
                    break;
                case "--journal-items": options.JournalItems = Count(name, value, 1_000_000); break;
                case "--jobs": options.Jobs = Count(name, value, 1_000_000); break;
                case "--kill-silo-after": options.KillSiloAfter = TimeSpan.FromSeconds(Number(name, value, 0, 3_600)); break;
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

        if (options.BatchPrompts.Count is not 1 && options.BatchPrompts.Count != options.Tiers.Count)
            throw new ArgumentException("--batch-prompts takes one number, or one per tier of --tiers.");
        return options;
    }

    private static PhotonAccountTier Tier(string name) =>
        PhotonAccountTier.TryFind(name, out var tier) ? tier : throw new ArgumentException($"Unknown tier '{name}': bronze, silver, gold or ultra.");

    private static int Count(string name, string value, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 && count <= max
            ? count
            : throw new ArgumentException($"{name} must be a whole number from 1 to {max}.");

    private static double Number(string name, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{name} must be a number from {min} to {max}.");
}
