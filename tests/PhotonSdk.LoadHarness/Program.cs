using System.Globalization;
using PhotonSdk;
using PhotonSdk.Emulator;
using PhotonSdk.LoadHarness;

// Starts the emulator in this process on loopback and drives it with the SDK and with a hand-written poller; every
// mode is bounded in count and time, so the run ends by itself. See HarnessOptions.Usage for the switches.
HarnessOptions options;
try
{
    options = HarnessOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(HarnessOptions.Usage);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(HarnessOptions.Usage);
    return 0;
}

const string ApiKey = HarnessHttp.ApiKey;
string[] models = ["luma/photon-flash", "luma/photon"];
var results = new List<ModeResult>();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Modes {string.Join(", ", options.Modes)}; {options.Predictions} predictions per mode, {options.Concurrency} in flight, half Photon Flash (3 s) and half Photon (8 s), latency jitter ±{options.LatencyJitter:P0}; burst {options.Burst} at latency scale {options.BurstLatencyScale}; at most {options.MaxConnections} connections."));

var steadyModes = options.Modes.Where(m => m is "polling" or FreshClients.Mode or "sync" or "baseline").ToList();
if (steadyModes.Count > 0)
{
    await using var emulator = await WaveSpeedEmulator.StartAsync(Emulator(latencyScale: 1));
    var counter = new RequestCounter(Handler(options.MaxConnections));
    using var http = new HttpClient(counter) { Timeout = Timeout.InfiniteTimeSpan };
    using var client = new PhotonClient(new PhotonClientOptions { ApiKey = ApiKey, BaseUrl = emulator.BaseUrl }, http);
    var baseline = new BaselinePoller(http, emulator.ApiBaseUrl, ApiKey);
    var fresh = new FreshClients(http, emulator.BaseUrl, ApiKey, models);

    foreach (var mode in steadyModes)
    {
        Console.WriteLine($"Running {mode}...");
        Func<int, CancellationToken, Task<Noticed>> generate = mode switch
        {
            "polling" => (i, token) => GenerateAsync(client, i, syncMode: false, token),
            "sync" => (i, token) => GenerateAsync(client, i, syncMode: true, token),
            FreshClients.Mode => fresh.GenerateAsync,
            _ => (i, token) => baseline.GenerateAsync(models[i % 2], Prompt(i), token),
        };
        var name = mode switch
        {
            "polling" => "SDK default polling",
            "sync" => "SDK sync mode",
            FreshClients.Mode => FreshClients.Name,
            _ => "baseline: GET every 1 s",
        };
        results.Add(await ModeRunner.RunAsync(name, options.Predictions, options.Concurrency, options.TimeLimit, emulator, counter, generate));
    }
}

if (options.Modes.Contains("burst"))
{
    await using var emulator = await WaveSpeedEmulator.StartAsync(Emulator(options.BurstLatencyScale));
    var counter = new RequestCounter(Handler(options.MaxConnections));
    using var http = new HttpClient(counter) { Timeout = Timeout.InfiniteTimeSpan };
    using var client = new PhotonClient(new PhotonClientOptions { ApiKey = ApiKey, BaseUrl = emulator.BaseUrl }, http);
    Console.WriteLine($"Running burst of {options.Burst}...");
    results.Add(await ModeRunner.RunAsync(
        $"SDK default polling, {options.Burst} at once", options.Burst, options.Burst, options.TimeLimit, emulator, counter,
        (i, token) => GenerateAsync(client, i, syncMode: false, token)));
}

var batchRuns = new List<BatchThroughputResult>();
if (options.Modes.Contains(BatchThroughputMode.Name))
{
    for (var i = 0; i < options.Tiers.Count; i++)
    {
        var tier = options.Tiers[i];
        Console.WriteLine($"Running {BatchThroughputMode.Name} at {tier} with {options.BatchPromptsOf(i)} prompts...");
        batchRuns.Add(await BatchThroughputMode.RunAsync(tier, options.BatchPromptsOf(i), options.LatencyJitter, options.MaxConnections, options.TimeLimit));
    }
}

JournalResumeResult? resume = null;
if (options.Modes.Contains(JournalResumeMode.Name))
{
    Console.WriteLine($"Running {JournalResumeMode.Name} over {options.JournalItems} items...");
    resume = await JournalResumeMode.RunAsync(options.JournalItems, options.MaxConnections, options.TimeLimit);
}

OrleansJobsResult? jobs = null;
if (options.Modes.Contains(OrleansJobsMode.Name))
{
    Console.WriteLine($"Running {OrleansJobsMode.Name} with {options.Jobs} jobs on two silos at Gold...");
    jobs = await OrleansJobsMode.RunAsync(options.Jobs, options.LatencyJitter, options.TimeLimit, options.KillSiloAfter);
}

Console.WriteLine();
if (jobs is not null) Console.Write(jobs.Render());
if (results.Count > 0) Console.Write(ResultTable.Render(results));
if (batchRuns.Count > 0) Console.Write(BatchThroughputTable.Render(batchRuns));
if (resume is not null) Console.Write(JournalResumeTable.Render(resume));
return results.Any(r => r.Errors > 0) || batchRuns.Any(r => !r.Passed) || resume is { Passed: false } || jobs is { Passed: false } ? 1 : 0;

EmulatorOptions Emulator(double latencyScale) => new()
{
    LatencyScale = latencyScale,
    LatencyJitter = options.LatencyJitter,
    // Enough that no run exhausts the balance, which would otherwise not matter to the figures.
    InitialBalance = 1_000_000m,
};

static SocketsHttpHandler Handler(int maxConnections) => HarnessHttp.Handler(maxConnections);

async Task<Noticed> GenerateAsync(PhotonClient client, int index, bool syncMode, CancellationToken cancellationToken)
{
    var result = await client.GenerateAsync(Prompt(index), new GenerationOptions { Model = models[index % 2], SyncMode = syncMode }, cancellationToken);
    return new Noticed(result.PredictionId, DateTimeOffset.UtcNow);
}

static string Prompt(int index) => string.Create(CultureInfo.InvariantCulture, $"Load test prediction {index}: a lighthouse at dawn");
