using System.Diagnostics;

namespace PhotonSdk.LoadHarness;

/// <summary>
/// Samples memory while a mode runs. The emulator shares the process, so raw process figures are upper bounds on the
/// client's. To tell the client's share apart, it also takes periodic full collections and records what is still
/// reachable next to how many predictions the emulator holds by then: what the emulator keeps per prediction is known
/// from the end of the run (every prediction stored, the client done with all of them), and the rest is the client's.
/// </summary>
internal sealed class MemoryWatch : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan RetainedInterval = TimeSpan.FromMilliseconds(500);

    private readonly Func<long> _storedPredictions;
    private readonly long _idleHeap;
    private readonly long _idleWorkingSet;
    private readonly List<(long Retained, long Stored)> _retained = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakHeap;
    private long _peakWorkingSet;
    private int _stopped;

    private MemoryWatch(Func<long> storedPredictions)
    {
        _storedPredictions = storedPredictions;
        _idleHeap = Retained();
        _idleWorkingSet = CurrentWorkingSet();
        _peakHeap = _idleHeap;
        _peakWorkingSet = _idleWorkingSet;
        _sampling = SampleAsync();
    }

    /// <summary>The highest managed heap seen, garbage included, above the idle heap; client and emulator together.</summary>
    public double PeakHeapAboveIdleMb => Mb(_peakHeap - _idleHeap);

    /// <summary>The highest working set seen above the idle one; client and emulator together.</summary>
    public double PeakWorkingSetAboveIdleMb => Mb(_peakWorkingSet - _idleWorkingSet);

    /// <summary>The most memory the client held at once (reachable after a full collection), the emulator's share taken out.</summary>
    public double PeakClientRetainedMb { get; private set; }

    /// <summary>Starts watching; <paramref name="storedPredictions"/> says how many predictions the emulator holds now.</summary>
    public static MemoryWatch Start(Func<long> storedPredictions) => new(storedPredictions);

    /// <summary>Stops sampling and works out the client's share. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        Sample();
        await _stop.CancelAsync();
        try
        {
            await _sampling;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        var stored = _storedPredictions();
        var perPrediction = stored == 0 ? 0 : Math.Max(0, Retained() - _idleHeap) / (double)stored;
        lock (_retained)
        {
            PeakClientRetainedMb = Mb((long)_retained.Select(s => s.Retained - _idleHeap - (perPrediction * s.Stored)).DefaultIfEmpty(0).Max());
        }
    }

    private static double Mb(long bytes) => Math.Max(0, bytes) / 1024.0 / 1024.0;

    private static long Retained()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static long CurrentWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        var sinceRetained = Stopwatch.StartNew();
        while (await timer.WaitForNextTickAsync(_stop.Token))
        {
            Sample();
            if (sinceRetained.Elapsed < RetainedInterval) continue;
            var stored = _storedPredictions();
            var retained = Retained();
            lock (_retained) _retained.Add((retained, stored));
            sinceRetained.Restart();
        }
    }

    private void Sample()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        var workingSet = CurrentWorkingSet();
        if (heap > Interlocked.Read(ref _peakHeap)) Interlocked.Exchange(ref _peakHeap, heap);
        if (workingSet > Interlocked.Read(ref _peakWorkingSet)) Interlocked.Exchange(ref _peakWorkingSet, workingSet);
    }
}
