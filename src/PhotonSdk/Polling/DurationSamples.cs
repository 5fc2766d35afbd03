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
    /// The span the samples say a prediction completes in, once there are enough of them to have a spread of their own:
    /// around the median, from half a check interval before the lowest sample to a whole one past the highest. A sample
    /// is the middle of the interval in which a completion was seen, so the truth lies up to half an interval either
    /// side, and past the span a prediction falls to the growing interval. Never more than
    /// <see cref="ExpectedWindow.MaxLearnedSpread"/> either side of the median, so that a few outliers cannot make the
    /// fast checks go on for long; a late outlier costs nothing in itself, since checks stop when a prediction is done,
    /// while an early start is paid for by every prediction. Until there are enough samples, the median is taken on
    /// trust like a typical figure (<see cref="ExpectedWindow.Around"/>).
    /// </summary>
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

        var low = TimeSpan.FromTicks(sorted[0]) - (interval / 2);
        var high = TimeSpan.FromTicks(sorted[^1]) + interval;
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
