using System.Collections.Concurrent;
using PhotonSdk.Emulator;

namespace PhotonSdk.Orleans.Tests.Support;

/// <summary>The submits the emulator answered, as it saw them: when each was accepted, and how many it refused with 429.</summary>
public sealed class SubmitLog
{
    private readonly ConcurrentQueue<DateTimeOffset> _accepted = new();
    private int _rateLimited;

    public int RateLimited => Volatile.Read(ref _rateLimited);

    public int Accepted => _accepted.Count;

    public void Observe(EmulatorRequest request)
    {
        if (!request.IsSubmit || request.StatusCode is not { } status) return;
        if (status == 429) Interlocked.Increment(ref _rateLimited);
        else if (status is >= 200 and < 300) _accepted.Enqueue(DateTimeOffset.UtcNow);
    }

    /// <summary>The most submits accepted in any 60 seconds.</summary>
    public int MostInAnyMinute()
    {
        var times = _accepted.Order().ToArray();
        var most = 0;
        for (int start = 0, end = 0; end < times.Length; end++)
        {
            while (times[end] - times[start] >= TimeSpan.FromMinutes(1)) start++;
            most = Math.Max(most, end - start + 1);
        }

        return most;
    }

    /// <summary>Submits accepted per minute from the first to the last.</summary>
    public double PerMinute()
    {
        var times = _accepted.Order().ToArray();
        return times.Length < 2 ? 0 : (times.Length - 1) / (times[^1] - times[0]).TotalMinutes;
    }
}
