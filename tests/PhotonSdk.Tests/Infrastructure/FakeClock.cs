using Microsoft.Extensions.Time.Testing;

namespace PhotonSdk.Tests.Infrastructure;

/// <summary>
/// Runs a task to completion under a <see cref="FakeTimeProvider"/>: whenever no HTTP request is in flight, the clock
/// moves on by a step, so polling and backoff take fake time, not real time.
/// </summary>
public static class FakeClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static async Task<T> DriveAsync<T>(this FakeTimeProvider time, Task<T> task, InFlightHandler http, TimeSpan? step = null, int maxSteps = 200_000)
    {
        await DriveAsync(time, (Task)task, http, step, maxSteps);
        return await task;
    }

    public static async Task DriveAsync(this FakeTimeProvider time, Task task, InFlightHandler http, TimeSpan? step = null, int maxSteps = 200_000)
    {
        var advance = step ?? TimeSpan.FromMilliseconds(100);
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            // Real yields let HTTP I/O and continuations run; the fake clock only moves while nothing is in flight.
            await Task.Delay(1);
            if (http.InFlight == 0 && !task.IsCompleted) time.Advance(advance);
        }

        if (!task.IsCompleted) throw new TimeoutException("The task did not finish within the fake-time budget.");
        try
        {
            await task;
        }
        catch
        {
            // The caller observes the outcome.
        }
    }
}
