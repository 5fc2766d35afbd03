using Orleans.Concurrency;
using PhotonSdk.Orleans.Storage;

namespace PhotonSdk.Orleans.Budget;

/// <summary>
/// Keeps the cluster within its cap: a submit reserves its price first and is given it back only when it provably
/// created nothing. Calls interleave so that concurrent reservations share one write (<see cref="GroupCommit"/>);
/// each call still returns only once the state that holds it is persisted. A reservation whose job died before
/// recording it stays counted: the cap may be reached early, never passed.
/// </summary>
[Reentrant]
internal sealed class BudgetGrain : Grain, IBudgetGrain
{
    private readonly IPersistentState<BudgetState> _state;
    private readonly GroupCommit _commit;

    public BudgetGrain([PersistentState("budget", PhotonImageJobOptions.StorageName)] IPersistentState<BudgetState> state, TimeProvider time)
    {
        _state = state;
        _commit = new GroupCommit(() => state.WriteStateAsync(), TimeSpan.Zero, time);
    }

    public async Task<bool> TryReserveAsync(decimal amountUsd, decimal capUsd)
    {
        if (_state.State.ReservedUsd + amountUsd > capUsd) return false;
        _state.State.ReservedUsd += amountUsd;
        await _commit.PersistAsync().ConfigureAwait(true);
        return true;
    }

    public async Task ReleaseAsync(decimal amountUsd)
    {
        _state.State.ReservedUsd = Math.Max(0, _state.State.ReservedUsd - amountUsd);
        await _commit.PersistAsync().ConfigureAwait(true);
    }

    public Task<decimal> GetReservedAsync() => Task.FromResult(_state.State.ReservedUsd);
}
