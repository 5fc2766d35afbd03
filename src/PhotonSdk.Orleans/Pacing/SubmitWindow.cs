namespace PhotonSdk.Orleans.Pacing;

/// <summary>
/// Hands out submit times so that no window of <see cref="Window"/> holds more than the limit, counted as the server
/// counts (a sliding minute of submits), first come, first served, and evenly: no two closer than the window over the
/// limit (20 ms at Gold), so that a backlog flows at the tier's rate instead of in bursts that load every silo at the
/// minute's turn and make submits late. A time may lie in the future: its holder waits until then. Times only grow, so
/// the last <c>limit</c> of them are all it needs to remember.
/// </summary>
internal sealed class SubmitWindow
{
    /// <summary>The server's minute plus a second, so that network delays cannot land two minutes' worth of submits in one server minute.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1);

    private readonly Queue<DateTimeOffset> _slots = new();
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <param name="limit">Submits allowed in any window.</param>
    /// <param name="earlier">Times handed out before (by an earlier activation), oldest first.</param>
    public SubmitWindow(int limit, IEnumerable<DateTimeOffset>? earlier = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Limit = limit;
        Spacing = Window / limit;
        foreach (var slot in earlier ?? []) Add(slot < _last ? _last : slot);
    }

    /// <summary>Submits allowed in any window.</summary>
    public int Limit { get; }

    /// <summary>The least time between two submits.</summary>
    public TimeSpan Spacing { get; }

    /// <summary>How many times were handed out, in all.</summary>
    public long Granted { get; private set; }

    /// <summary>The next free time at or after <paramref name="now"/>; it is taken.</summary>
    public DateTimeOffset Reserve(DateTimeOffset now)
    {
        var slot = Max(Max(now, _slots.Count == 0 ? _last : _last + Spacing), _pausedUntil);
        if (_slots.Count >= Limit) slot = Max(slot, _slots.Peek() + Window);
        Add(slot);
        Granted++;
        return slot;
    }

    /// <summary>No time before <paramref name="until"/> is handed out (the server answered 429).</summary>
    public void Pause(DateTimeOffset until) => _pausedUntil = Max(_pausedUntil, until);

    /// <summary>The times that still count against the limit at <paramref name="now"/> or later, oldest first: what a later activation needs.</summary>
    public DateTimeOffset[] Live(DateTimeOffset now) => [.. _slots.Where(s => s + Window > now)];

    private void Add(DateTimeOffset slot)
    {
        _slots.Enqueue(slot);
        _last = slot;
        while (_slots.Count > Limit) _slots.Dequeue();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
