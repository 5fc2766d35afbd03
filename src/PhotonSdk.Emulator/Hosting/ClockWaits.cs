namespace PhotonSdk.Emulator.Hosting;

/// <summary>Waits on the emulator's clock, which may be a fake one that tests advance by hand.</summary>
internal static class ClockWaits
{
    private static readonly TimeSpan MaxTimer = TimeSpan.FromDays(1);

    /// <summary>Completes once <paramref name="time"/> reads <paramref name="until"/> or later.</summary>
    public static async Task UntilAsync(TimeProvider time, DateTimeOffset until, CancellationToken cancellationToken)
    {
        while (true)
        {
            var remaining = until - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            using var armed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // Capped because a timer cannot run for more than about 49 days; the loop simply waits again.
            var delay = Task.Delay(remaining < MaxTimer ? remaining : MaxTimer, time, armed.Token);

            // The clock may have moved between reading it and arming the timer; reading it again after arming means
            // an advance is never missed: either the armed timer sees it or this check does.
            if (time.GetUtcNow() >= until)
            {
                await armed.CancelAsync().ConfigureAwait(false);
                return;
            }

            await delay.ConfigureAwait(false);
        }
    }
}
