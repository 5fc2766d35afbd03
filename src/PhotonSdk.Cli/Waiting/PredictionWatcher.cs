using System.Diagnostics;

namespace PhotonSdk.Cli.Waiting;

/// <summary>
/// Waits for a prediction while reporting each status it passes through (created, processing, completed), for the
/// live display. It reads the status on the client's polling schedule and within its bound, then lets
/// <see cref="PhotonClient.WaitForCompletionAsync"/> turn the terminal prediction into a result or a typed error (or
/// finish the wait and raise the SDK's timeout, which carries the id).
/// </summary>
internal static class PredictionWatcher
{
    private static readonly TimeSpan MinimumFinalWait = TimeSpan.FromMilliseconds(1);

    public static async Task<ImageGenerationResult> WaitAsync(
        PhotonClient client, PredictionHandle handle, PollingOptions polling, Action<PredictionHandle> onStatus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(polling);
        ArgumentNullException.ThrowIfNull(onStatus);

        var started = Stopwatch.GetTimestamp();
        var delay = polling.FirstDelay;
        try
        {
            // A handle rehydrated from an id has no status yet: read it at once (an unknown id fails here, not later).
            if (!handle.Status.IsKnown) await handle.UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
            onStatus(handle);
            while (!handle.Status.IsTerminal && Stopwatch.GetElapsedTime(started) + delay < polling.Timeout)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                await handle.UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
                onStatus(handle);
                delay = Grow(delay, polling);
            }
        }
        catch (OperationCanceledException e) when (e is not PhotonCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new PhotonCanceledException(
                $"Waiting for prediction {handle.Id} was cancelled. The prediction keeps running on the server and is billed; resume it by its id.",
                handle.Id, predictionMayExist: true, e, cancellationToken);
        }

        var remaining = polling.Timeout - Stopwatch.GetElapsedTime(started);
        return await client.WaitForCompletionAsync(handle, remaining > MinimumFinalWait ? remaining : MinimumFinalWait, cancellationToken).ConfigureAwait(false);
    }

    private static TimeSpan Grow(TimeSpan delay, PollingOptions polling)
    {
        var grown = TimeSpan.FromTicks((long)Math.Min(delay.Ticks * polling.Growth, polling.MaxDelay.Ticks));
        return grown > TimeSpan.Zero ? grown : TimeSpan.FromMilliseconds(100);
    }
}
