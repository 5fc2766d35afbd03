namespace PhotonSdk.Orleans.Storage;

/// <summary>
/// Lets the calls of a reentrant grain share writes of its state: a caller changes the state in memory, then awaits
/// <see cref="PersistAsync"/>, which joins the next write. That write starts once the one under way (if any) has
/// ended and <c>gather</c> has passed, and holds every change made until it starts; so each caller returns only once
/// its change is durable, while a burst of callers costs a few writes, not one each.
/// </summary>
/// <remarks>Used on the grain's own scheduler only (single-threaded), so it needs no locks.</remarks>
internal sealed class GroupCommit(Func<Task> write, TimeSpan gather, TimeProvider time)
{
    private Task? _writing;
    private Task? _next;

    /// <summary>Completes when a write that started after this call has ended; faults when that write failed.</summary>
    public Task PersistAsync() => _next ??= WriteNextAsync(_writing);

    private async Task WriteNextAsync(Task? current)
    {
        // Always yields first, so that _next is set before it is cleared below and later callers join this write.
        if (gather > TimeSpan.Zero) await Task.Delay(gather, time).ConfigureAwait(true);
        else await Task.Yield();
        if (current is not null)
        {
            try
            {
                await current.ConfigureAwait(true);
            }
#pragma warning disable CA1031 // The earlier write's callers see its failure; this write is tried on its own.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        _next = null;
        var writing = write();
        _writing = writing;
        await writing.ConfigureAwait(true);
    }
}
