namespace PhotonSdk.Emulator.RateLimiting;

/// <summary>
/// Decides when a prediction may start under a cap on how many run at once. Durations are known at submit, so a
/// first-come-first-served queue can be solved then: a new prediction starts when it is ready or when the earliest
/// running one ends, whichever is later. No timer runs; a prediction simply stays <c>created</c> until its start.
/// </summary>
internal sealed class ConcurrencySlots
{
    private readonly int _capacity;

    // The end times of the predictions holding a slot; the earliest frees first.
    private readonly PriorityQueue<DateTimeOffset, DateTimeOffset> _busyUntil = new();
    private readonly Lock _gate = new();

    public ConcurrencySlots(int capacity) => _capacity = capacity;

    /// <summary>Books a slot for a prediction ready at <paramref name="ready"/> that runs for <paramref name="duration"/>; returns its start.</summary>
    public DateTimeOffset Book(DateTimeOffset ready, TimeSpan duration)
    {
        lock (_gate)
        {
            var start = ready;
            if (_busyUntil.Count >= _capacity)
            {
                var freed = _busyUntil.Dequeue();
                if (freed > start)
                {
                    start = freed;
                }
            }

            var end = start + duration;
            _busyUntil.Enqueue(end, end);
            return start;
        }
    }
}
