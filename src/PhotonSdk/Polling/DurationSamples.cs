namespace PhotonSdk.Polling;

/// <summary>
/// The last few observed durations of one model's predictions, and their median. The median, not the mean, so that one
/// prediction stuck in a queue or caught by a slow poll does not move the estimate. Thread-safe; fixed size.
/// </summary>
internal sealed class DurationSamples
{
    /// <summary>Odd, so the median is one sample; enough that a few outliers in a row change nothing.</summary>
    public const int Capacity = 15;

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
        int count;
        lock (_gate)
        {
            count = _count;
            _ticks.AsSpan(0, count).CopyTo(sorted);
        }

        if (count == 0)
        {
            median = default;
            return false;
        }

        sorted = sorted[..count];
        sorted.Sort();
        median = TimeSpan.FromTicks(count % 2 == 1 ? sorted[count / 2] : (sorted[(count / 2) - 1] + sorted[count / 2]) / 2);
        return true;
    }
}
