using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using PhotonSdk.Batch;
using PhotonSdk.Emulator;

namespace PhotonSdk.LoadHarness;

/// <summary>
/// Image jobs on an Orleans cluster at the Gold tier: two silos (processes of the sample node, on Redis) and the
/// emulator in this process, Photon Flash at its real latency (3 s). The jobs are started through the nodes' front
/// ends, half on each; the run ends when every job is finished. Measured: submits accepted per minute against the
/// tier, the share completed by webhook, job latency against the prediction's own, memory per silo, Redis writes and
/// commands per job.
/// </summary>
internal static class OrleansJobsMode
{
    public const string Name = "orleans-jobs";
    private const int StartConcurrency = 64;
    private static readonly PhotonAccountTier Tier = PhotonAccountTier.Gold;

    public static async Task<OrleansJobsResult> RunAsync(int jobs, double latencyJitter, TimeSpan timeLimit, TimeSpan? killSiloAfter)
    {
        await using var store = await JobsStore.StartAsync();
        var accepted = new ConcurrentQueue<DateTimeOffset>();
        var rateLimited = 0;
        await using var emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions
        {
            RateLimitTier = RateLimitTier.Gold,
            LatencyScale = 1,
            LatencyJitter = latencyJitter,
            InitialBalance = 1_000_000m,
            OnRequest = request =>
            {
                if (!request.IsSubmit || request.StatusCode is not { } status) return;
                if (status == 429) Interlocked.Increment(ref rateLimited);
                else if (status is >= 200 and < 300) accepted.Enqueue(DateTimeOffset.UtcNow);
            },
        });

        await using var node1 = SiloProcess.Start(1, store.Configuration, emulator.BaseUrl, Tier.Name);
        var node2 = SiloProcess.Start(2, store.Configuration, emulator.BaseUrl, Tier.Name);
        SiloProcess[] nodes = [node1, node2];
        await using var lastNode2 = new Disposer(() => nodes[1].DisposeAsync());
        using var http = new HttpClient(HarnessHttp.Handler(256)) { Timeout = TimeSpan.FromSeconds(100) };
        foreach (var node in nodes) await WaitUntilUpAsync(http, node);
        var countersBefore = await store.CountersAsync();
        var cpuBefore = nodes.Select(n => n.CpuTime()).ToArray();
        var peaks = new double[nodes.Length];
        using var stopSampling = new CancellationTokenSource();
        var sampling = SampleMemoryAsync(nodes, peaks, stopSampling.Token);

        using var limit = new CancellationTokenSource(timeLimit);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, jobs), new ParallelOptions { MaxDegreeOfParallelism = StartConcurrency, CancellationToken = limit.Token }, async (i, token) =>
        {
            var node = nodes[i % nodes.Length];
            using var response = await http.PostAsJsonAsync(new Uri(node.BaseUrl, "jobs"), new { id = Id(i), prompt = Prompt(i) }, token);
            response.EnsureSuccessStatusCode();
        });
        var started = clock.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {jobs} jobs started in {started.TotalSeconds:F1} s; waiting for them to finish..."));
        var killing = killSiloAfter is { } after ? KillAndRestartNode2Async(after) : Task.FromResult<(TimeSpan KilledAt, TimeSpan BackAt, TimeSpan CpuBeforeKill)?>(null);

        // Nothing is read back until every prediction has been submitted and has finished, so that reading does not load the run.
        while (accepted.Count < jobs && !limit.IsCancellationRequested) await Task.Delay(500, CancellationToken.None);
        var kill = await killing;
        var finished = await ReadAllAsync(http, nodes, jobs, limit.Token);
        var elapsed = clock.Elapsed;
        await stopSampling.CancelAsync();
        await sampling;
        // A killed node's CPU is what its first process used until the kill, plus all of the second's.
        var cpu = nodes.Select((n, i) => i == 1 && kill is { } k ? k.CpuBeforeKill - cpuBefore[i] + n.CpuTime() : n.CpuTime() - cpuBefore[i]).ToArray();
        var memory = nodes.Select((n, i) => (Peak: Math.Max(peaks[i], n.Memory().PeakMb), Now: n.Memory().NowMb)).ToList();
        var countersAfter = await store.CountersAsync();

        var times = accepted.Order().ToArray();

        // Kills node 2's process (SIGKILL) a while after the last job was started, while predictions are still being
        // submitted and webhooks delivered, and starts a new one on the same ports 5 s later; the grains it held are
        // activated again from Redis, on node 1 or on the new node 2. Returns when it was killed and back (from the
        // start of the run) and the CPU its first process had used.
        async Task<(TimeSpan KilledAt, TimeSpan BackAt, TimeSpan CpuBeforeKill)?> KillAndRestartNode2Async(TimeSpan after)
        {
            await Task.Delay(after, CancellationToken.None);
            var cpuBeforeKill = nodes[1].CpuTime();
            peaks[1] = Math.Max(peaks[1], nodes[1].Memory().NowMb);
            await nodes[1].KillAsync();
            var killedAt = clock.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  node 2 killed (SIGKILL) at {killedAt.TotalSeconds:F1} s, {accepted.Count} predictions submitted so far"));
            await Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None);
            var again = SiloProcess.Start(2, store.Configuration, emulator.BaseUrl, Tier.Name);
            await WaitUntilUpAsync(http, again);
            await nodes[1].DisposeAsync();
            nodes[1] = again;
            var backAt = clock.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  node 2 back at {backAt.TotalSeconds:F1} s"));
            return (killedAt, backAt, cpuBeforeKill);
        }
        var done = finished.Values.Where(j => j.Status == "Completed").ToList();
        TimeSpan Own(Job j) => (emulator.FinishTimeOf(j.PredictionId!) ?? j.FinishedAt) - j.SubmittedAt;
        return new OrleansJobsResult
        {
            Jobs = jobs,
            Completed = done.Count,
            Uncertain = finished.Values.Count(j => j.Status == "Uncertain"),
            Failed = finished.Values.Count(j => j.Status == "Failed"),
            Unfinished = jobs - finished.Count,
            PredictionsCreated = emulator.PredictionsCreated,
            ByWebhook = done.Count(j => j.CompletedBy == "Webhook"),
            RateLimited = rateLimited,
            LimitPerMinute = Tier.ImagesPerMinute,
            MostInAnyMinute = MostInAnyMinute(times),
            MeanPerSlidingMinute = MeanPerSlidingMinute(times),
            SubmitSpan = times.Length > 1 ? times[^1] - times[0] : TimeSpan.Zero,
            StartTime = started,
            WallTime = elapsed,
            QueueP50 = Percentile(done.Select(j => j.SubmittedAt - j.CreatedAt), 0.50),
            QueueP95 = Percentile(done.Select(j => j.SubmittedAt - j.CreatedAt), 0.95),
            JobP50 = Percentile(done.Select(j => j.FinishedAt - j.SubmittedAt), 0.50),
            JobP95 = Percentile(done.Select(j => j.FinishedAt - j.SubmittedAt), 0.95),
            OwnP50 = Percentile(done.Select(Own), 0.50),
            OwnP95 = Percentile(done.Select(Own), 0.95),
            WebhookJobP50 = Percentile(done.Where(j => j.CompletedBy == "Webhook").Select(j => j.FinishedAt - j.SubmittedAt), 0.50),
            PeakMemoryMb = [.. memory.Select(m => m.Peak)],
            EndMemoryMb = [.. memory.Select(m => m.Now)],
            CpuSeconds = [.. cpu.Select(c => c.TotalSeconds)],
            Node2KilledAt = kill?.KilledAt,
            Node2BackAt = kill?.BackAt,
            StoreWrites = countersAfter.Writes - countersBefore.Writes,
            StoreCommands = countersAfter.Commands - countersBefore.Commands,
        };
    }

    private static string Id(int i) => "job-" + i.ToString("D6", CultureInfo.InvariantCulture);

    private static string Prompt(int i) => string.Create(CultureInfo.InvariantCulture, $"Cluster job {i}: a lighthouse at dawn");

    private static async Task WaitUntilUpAsync(HttpClient http, SiloProcess node)
    {
        var guard = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(node.BaseUrl, "jobs/up"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }

            if (guard.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException($"{node.BaseUrl} did not come up.");
            await Task.Delay(500);
        }
    }

    private static async Task<Dictionary<string, Job>> ReadAllAsync(HttpClient http, SiloProcess[] nodes, int jobs, CancellationToken cancellationToken)
    {
        var finished = new ConcurrentDictionary<string, Job>(StringComparer.Ordinal);
        while (finished.Count < jobs && !cancellationToken.IsCancellationRequested)
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, jobs).Where(i => !finished.ContainsKey(Id(i))),
                new ParallelOptions { MaxDegreeOfParallelism = StartConcurrency },
                async (i, token) =>
                {
                    using var response = await http.GetAsync(new Uri(nodes[i % nodes.Length].BaseUrl, "jobs/" + Id(i)), token);
                    var job = Job.Parse(await response.Content.ReadAsStringAsync(token));
                    if (job.Status is "Completed" or "Failed" or "Uncertain") finished[job.JobId] = job;
                });
            if (finished.Count < jobs) await Task.Delay(2000, CancellationToken.None);
        }

        return new Dictionary<string, Job>(finished, StringComparer.Ordinal);
    }

    private static async Task SampleMemoryAsync(SiloProcess[] nodes, double[] peaks, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            for (var i = 0; i < nodes.Length; i++) peaks[i] = Math.Max(peaks[i], nodes[i].Memory().NowMb);
            try
            {
                await Task.Delay(1000, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static int MostInAnyMinute(DateTimeOffset[] times)
    {
        var most = 0;
        for (int start = 0, end = 0; end < times.Length; end++)
        {
            while (times[end] - times[start] >= TimeSpan.FromMinutes(1)) start++;
            most = Math.Max(most, end - start + 1);
        }

        return most;
    }

    /// <summary>
    /// Submits in a minute, averaged over every minute [t, t + 60 s) that lies within the run (t from the first submit
    /// to the last less a minute, in steps of 100 ms): the rate the run sustained, whatever its shape (bursts or even).
    /// </summary>
    private static double MeanPerSlidingMinute(DateTimeOffset[] times)
    {
        if (times.Length < 2 || times[^1] - times[0] < TimeSpan.FromMinutes(1)) return double.NaN;
        long total = 0, samples = 0;
        int start = 0, end = 0;
        for (var t = times[0]; t + TimeSpan.FromMinutes(1) <= times[^1]; t += TimeSpan.FromMilliseconds(100))
        {
            while (start < times.Length && times[start] < t) start++;
            while (end < times.Length && times[end] < t + TimeSpan.FromMinutes(1)) end++;
            total += end - start;
            samples++;
        }

        return (double)total / samples;
    }

    private static TimeSpan Percentile(IEnumerable<TimeSpan> values, double share)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];
    }

    private sealed record Job(string JobId, string Status, string? PredictionId, string CompletedBy, DateTimeOffset CreatedAt, DateTimeOffset SubmittedAt, DateTimeOffset FinishedAt)
    {
        public static Job Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            DateTimeOffset At(string name) => root.GetProperty(name).ValueKind == JsonValueKind.String ? root.GetProperty(name).GetDateTimeOffset() : default;
            return new Job(
                root.GetProperty("jobId").GetString()!,
                root.GetProperty("status").GetString()!,
                root.GetProperty("predictionId").GetString(),
                root.GetProperty("completedBy").GetString()!,
                At("createdAt"),
                At("submittedAt"),
                At("finishedAt"));
        }
    }

    /// <summary>Runs an action on disposal: node 2 is disposed as whichever process it is by then.</summary>
    private sealed class Disposer(Func<ValueTask> dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => dispose();
    }
}
