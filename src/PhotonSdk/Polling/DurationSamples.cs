namespace PhotonSdk.Polling;

/// <summary>
/// The last few observed durations of one model's predictions, and their median. The median, not the mean, so that one
/// prediction stuck in a queue or caught by a slow poll does not move the estimate. Thread-safe; fixed size.
/// </summary>
internal sealed class DurationSamples
{
    /// <summary>Odd, so the median is one sample; enough that a few outliers in a row change nothing.</summary>
    public const int Capacity = 15;

    /// <summary>How many samples it takes before their own spread, rather than a trusted one, shapes the window.</summary>
    public const int SpreadSamples = 5;

    private readonly long[] _ticks = new long[Capacity];
    private readonly Lock _gate = new();
    private int _count;
    private int _next;

    public void Add(TimeSpan duration)
    {
        lock (_gate)
        {
            _ticks[_next] = duration.Ticks;
            _next = (_next + 1) % Capacity;
            if (_count < Capacity) _count++;
        }
    }

    public bool TryGetMedian(out TimeSpan median)
    {
        Span<long> sorted = stackalloc long[Capacity];
        var count = SortedCopy(sorted);
        median = count == 0 ? default : Median(sorted[..count]);
        return count > 0;
    }

    /// <summary>
    /// The span the samples say a prediction completes in: around the median, from the second-lowest to the
    /// second-highest sample once there are enough that dropping one at each end leaves a spread worth trusting (so a
    /// single outlier widens nothing), and one check interval past that, since each sample is only known to within an
    /// interval; never wider than <see cref="ExpectedWindow.MaxLearnedSpread"/> either side. The start is not moved
    /// earlier: a check before the earliest completions costs a request every time, while starting at the
    /// second-lowest costs the few predictions that finish sooner at most an interval of notice. Until there are
    /// enough samples, the median is taken on trust like a typical figure (<see cref="ExpectedWindow.Around"/>).
    /// </summary>
    /// <param name="interval">The spacing of the checks that timed the samples.</param>
    /// <param name="window">The span.</param>
    /// <returns>Whether there is any sample.</returns>
    public bool TryGetWindow(TimeSpan interval, out ExpectedWindow window)
    {
        Span<long> sorted = stackalloc long[Capacity];
        var count = SortedCopy(sorted);
        if (count == 0)
        {
            window = default;
            return false;
        }

        sorted = sorted[..count];
        var median = Median(sorted);
        if (count < SpreadSamples)
        {
            window = ExpectedWindow.Around(median);
            return true;
        }

        var low = TimeSpan.FromTicks(sorted[1]);
        var high = TimeSpan.FromTicks(sorted[^2]) + interval;
        var floor = median * (1 - ExpectedWindow.MaxLearnedSpread);
        var ceiling = median * (1 + ExpectedWindow.MaxLearnedSpread);
        window = new ExpectedWindow(median, low > floor ? low : floor, high < ceiling ? high : ceiling);
        return true;
    }

    private int SortedCopy(Span<long> destination)
    {
        int count;
        lock (_gate)
        {
            count = _count;
            _ticks.AsSpan(0, count).CopyTo(destination);
        }

        destination[..count].Sort();
        return count;
    }

    private static TimeSpan Median(ReadOnlySpan<long> sorted) =>
        TimeSpan.FromTicks(sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2);
}
