using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using PhotonSdk.Agents;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.Agents;

/// <summary>
/// A waiting tool reports progress when asked: once at the start, then once per interval on the options' clock, and
/// never after it answered. The clock is fake and moved by the test; nothing sleeps.
/// </summary>
public sealed class ProgressTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Generate_image_reports_at_the_start_and_then_once_per_interval()
    {
        var time = new FakeTimeProvider();
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { ProgressInterval = Interval, TimeProvider = time });
        var finish = new TaskCompletionSource<ImageGenerationResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Client.OnGenerate = (_, _) => finish.Task;
        var progress = new Reports();

        var call = harness.Tools.GenerateImageAsync("A fox", progress: progress);
        await progress.WaitForAsync(1);
        Assert.Equal([new ImageToolProgress(TimeSpan.Zero, "generating with luma/photon-flash")], progress.All);

        time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.Single(progress.All);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await progress.WaitForAsync(2);
        time.Advance(Interval);
        await progress.WaitForAsync(3);

        finish.SetResult(CannedResults.Url("pred-001", PhotonModels.PhotonFlash));
        var reply = await call.WaitAsync(Guard);
        time.Advance(Interval * 3);

        Assert.Equal(ImageToolOutcome.Ready, reply.Outcome);
        Assert.Equal(
            [
                new ImageToolProgress(TimeSpan.Zero, "generating with luma/photon-flash"),
                new ImageToolProgress(TimeSpan.FromSeconds(2), "generating with luma/photon-flash (2 s)"),
                new ImageToolProgress(TimeSpan.FromSeconds(4), "generating with luma/photon-flash (4 s)"),
            ],
            progress.All);
    }

    [Fact]
    public async Task Get_image_result_reports_which_prediction_it_waits_for()
    {
        var time = new FakeTimeProvider();
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { ProgressInterval = TimeSpan.FromSeconds(5), TimeProvider = time });
        var finish = new TaskCompletionSource<ImageGenerationResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Client.OnWait = (_, _, _) => finish.Task;
        var progress = new Reports();

        var call = harness.Tools.GetImageResultAsync("pred-late", progress: progress);
        await progress.WaitForAsync(1);
        time.Advance(TimeSpan.FromSeconds(5));
        await progress.WaitForAsync(2);
        finish.SetResult(CannedResults.Url("pred-late", PhotonModels.PhotonFlash));
        await call.WaitAsync(Guard);

        Assert.Equal(
            [
                new ImageToolProgress(TimeSpan.Zero, "waiting for prediction pred-late"),
                new ImageToolProgress(TimeSpan.FromSeconds(5), "waiting for prediction pred-late (5 s)"),
            ],
            progress.All);
    }

    [Fact]
    public async Task A_failed_wait_stops_the_reports_and_still_answers()
    {
        var time = new FakeTimeProvider();
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { ProgressInterval = Interval, TimeProvider = time });
        var finish = new TaskCompletionSource<ImageGenerationResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Client.OnGenerate = (_, _) => finish.Task;
        var progress = new Reports();

        var call = harness.Tools.GenerateImageAsync("A fox", progress: progress);
        await progress.WaitForAsync(1);
        finish.SetException(PhotonErrors.WaitTimeout("pred-slow", TimeSpan.FromSeconds(1)));
        var reply = await call.WaitAsync(Guard);
        time.Advance(Interval * 2);

        Assert.Equal(ImageToolOutcome.StillRunning, reply.Outcome);
        Assert.Single(progress.All);
    }

    [Fact]
    public async Task A_call_that_sends_nothing_reports_nothing()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 0 });
        var progress = new Reports();

        await harness.Tools.GenerateImageAsync("A fox", progress: progress);
        await harness.Tools.GenerateImageAsync("", progress: progress);
        await harness.Tools.GetImageResultAsync("", progress: progress);

        Assert.Empty(progress.All);
    }

    [Fact]
    public async Task Without_a_progress_no_timer_is_started()
    {
        var time = new CountingTimeProvider();
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { TimeProvider = time });

        await harness.Tools.GenerateImageAsync("A fox");
        await harness.Tools.GetImageResultAsync("pred-late");

        Assert.Equal(0, time.TimersCreated);
    }

    /// <summary>Records each report as it is made (unlike <see cref="Progress{T}"/>, which posts them) and wakes a waiting test.</summary>
    private sealed class Reports : IProgress<ImageToolProgress>
    {
        private readonly ConcurrentQueue<ImageToolProgress> _reports = new();
        private readonly SemaphoreSlim _reported = new(0);

        public IReadOnlyList<ImageToolProgress> All => _reports.ToList();

        public void Report(ImageToolProgress value)
        {
            _reports.Enqueue(value);
            _reported.Release();
        }

        /// <summary>Completes once <paramref name="count"/> reports have been made in all.</summary>
        public async Task WaitForAsync(int count)
        {
            while (_reports.Count < count)
            {
                if (!await _reported.WaitAsync(Guard)) throw new TimeoutException($"Only {_reports.Count} of {count} progress reports arrived.");
            }
        }
    }

    private sealed class CountingTimeProvider : TimeProvider
    {
        private int _timers;

        public int TimersCreated => Volatile.Read(ref _timers);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _timers);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
