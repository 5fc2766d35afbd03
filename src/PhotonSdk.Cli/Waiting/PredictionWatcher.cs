namespace PhotonSdk.Cli.Waiting;

/// <summary>
/// Waits for a prediction through the client's own wait, so that the tool checks exactly when the SDK would (near the
/// model's expected duration, within the client's bound) and turns the outcome into a result or a typed error the same
/// way; meanwhile it reports each status the wait's checks bring (created, processing, completed), for the live display.
/// </summary>
internal static class PredictionWatcher
{
    /// <summary>How often the display looks at the handle's status; it reads a field, and sends nothing.</summary>
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    /// <param name="client">The client that made or rehydrated the handle.</param>
    /// <param name="handle">The prediction.</param>
    /// <param name="onStatus">Told of each new status; <see langword="null"/> when nothing shows them.</param>
    /// <param name="cancellationToken">Stops the waiting, not the prediction.</param>
    public static async Task<ImageGenerationResult> WaitAsync(
        PhotonClient client, PredictionHandle handle, Action<PredictionHandle>? onStatus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(handle);

        var wait = client.WaitForCompletionAsync(handle, timeout: null, cancellationToken);
        if (onStatus is not null)
        {
            var shown = handle.Status;
            if (shown.IsKnown) onStatus(handle);
            while (!wait.IsCompleted && !cancellationToken.IsCancellationRequested)
            {
                await Task.WhenAny(wait, Task.Delay(RedrawInterval, cancellationToken)).ConfigureAwait(false);
                if (handle.Status == shown) continue;
                shown = handle.Status;
                onStatus(handle);
            }
        }

        return await wait.ConfigureAwait(false);
    }
}
