using System.Globalization;
using System.Text;

namespace PhotonSdk.LoadHarness;

/// <summary>What the orleans-jobs mode measured, and its table.</summary>
internal sealed record OrleansJobsResult
{
    public int Jobs { get; init; }
    public int Completed { get; init; }
    public int Uncertain { get; init; }
    public int Failed { get; init; }
    public int Unfinished { get; init; }
    public long PredictionsCreated { get; init; }
    public int ByWebhook { get; init; }
    public int RateLimited { get; init; }
    public int LimitPerMinute { get; init; }
    public int MostInAnyMinute { get; init; }
    public double MeanPerSlidingMinute { get; init; }
    public TimeSpan SubmitSpan { get; init; }
    public TimeSpan StartTime { get; init; }
    public TimeSpan WallTime { get; init; }
    public TimeSpan QueueP50 { get; init; }
    public TimeSpan QueueP95 { get; init; }
    public TimeSpan JobP50 { get; init; }
    public TimeSpan JobP95 { get; init; }
    public TimeSpan OwnP50 { get; init; }
    public TimeSpan OwnP95 { get; init; }
    public TimeSpan WebhookJobP50 { get; init; }
    public IReadOnlyList<double> PeakMemoryMb { get; init; } = [];
    public IReadOnlyList<double> EndMemoryMb { get; init; } = [];
    public IReadOnlyList<double> CpuSeconds { get; init; } = [];
    public TimeSpan? Node2KilledAt { get; init; }
    public TimeSpan? Node2BackAt { get; init; }
    public long StoreWrites { get; init; }
    public long StoreCommands { get; init; }

    public bool Passed => Completed + Uncertain == Jobs && PredictionsCreated <= Completed + Uncertain && RateLimited == 0 && MostInAnyMinute <= LimitPerMinute;

    public string Render()
    {
        var s = new StringBuilder();
        void Row(string what, string value) => s.Append(CultureInfo.InvariantCulture, $"| {what} | {value} |\n");
        static string Sec(TimeSpan t) => t.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s";
        s.Append("| orleans-jobs: two silos, Redis, emulator at Gold | |\n|---|---|\n");
        if (Node2KilledAt is { } killed && Node2BackAt is { } back) Row("node 2 killed (SIGKILL); a new node 2 up", $"{Sec(killed)}; {Sec(back)}");
        Row("jobs (completed / uncertain / failed / unfinished)", $"{Jobs} ({Completed} / {Uncertain} / {Failed} / {Unfinished})");
        Row("predictions created", PredictionsCreated.ToString(CultureInfo.InvariantCulture));
        Row("submits per minute, mean over every minute of the run", string.Create(CultureInfo.InvariantCulture, $"{MeanPerSlidingMinute:F0}/min = {MeanPerSlidingMinute / LimitPerMinute:P1} of {LimitPerMinute}/min"));
        Row("most submits in any 60 s; 429s", string.Create(CultureInfo.InvariantCulture, $"{MostInAnyMinute}; {RateLimited}"));
        Row("completed by webhook", string.Create(CultureInfo.InvariantCulture, $"{ByWebhook} ({(double)ByWebhook / Math.Max(1, Completed):P1})"));
        Row("wait for the tier (start to submit) p50 / p95", $"{Sec(QueueP50)} / {Sec(QueueP95)}");
        Row("job latency (submit to job finished) p50 / p95", $"{Sec(JobP50)} / {Sec(JobP95)}");
        Row("the prediction's own (submit to its finish) p50 / p95", $"{Sec(OwnP50)} / {Sec(OwnP95)}");
        Row("memory per silo, peak (at the end)", string.Join(", ", PeakMemoryMb.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{p:F0} MB ({EndMemoryMb[i]:F0} MB)"))));
        Row("silo CPU per 1,000 jobs (each silo)", string.Join(", ", CpuSeconds.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c * 1000 / Jobs:F1} s"))));
        Row("Redis writes (keys changed) per job; commands per job (reads included)", string.Create(CultureInfo.InvariantCulture, $"{(double)StoreWrites / Jobs:F2}; {(double)StoreCommands / Jobs:F2}"));
        Row("starting the jobs; wall time", $"{Sec(StartTime)}; {Sec(WallTime)}");
        return s.ToString();
    }
}
