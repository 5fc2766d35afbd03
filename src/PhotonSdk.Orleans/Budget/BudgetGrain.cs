using Orleans.Concurrency;

namespace PhotonSdk.Orleans.Budget;

/// <summary>
/// Keeps the cluster within its cap: a submit reserves its price first and is given it back only when it provably
/// created nothing. Calls interleave so that concurrent reservations share one write (group commit); each call still
/// returns only once the state that holds it is persisted. A reservation whose job died before recording it stays
/// counted: the cap may be reached early, never passed.
/// </summary>
[Reentrant]
internal sealed class BudgetGrain(
    [PersistentState("budget", PhotonImageJobOptions.StorageName)] IPersistentState<BudgetState> state) : Grain, IBudgetGrain
{
    private Task? _writing;
    private Task? _next;

    public async Task<bool> TryReserveAsync(decimal amountUsd, decimal capUsd)
    {
        if (state.State.ReservedUsd + amountUsd > capUsd) return false;
        state.State.ReservedUsd += amountUsd;
        await PersistAsync().ConfigureAwait(true);
        return true;
    }

    public async Task ReleaseAsync(decimal amountUsd)
    {
        state.State.ReservedUsd = Math.Max(0, state.State.ReservedUsd - amountUsd);
        await PersistAsync().ConfigureAwait(true);
    }

    public Task<decimal> GetReservedAsync() => Task.FromResult(state.State.ReservedUsd);

    /// <summary>Joins the next write: one starts once the write under way (if any) ends, and holds every change made until then.</summary>
    private Task PersistAsync() => _next ??= WriteNextAsync(_writing);

    private async Task WriteNextAsync(Task? current)
    {
        // Always yield first, so that _next is set before it is cleared below and later callers join this write.
        await Task.Yield();
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
        var write = state.WriteStateAsync();
        _writing = write;
        await write.ConfigureAwait(true);
    }
}
