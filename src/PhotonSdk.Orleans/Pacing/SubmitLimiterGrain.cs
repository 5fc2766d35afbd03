using Orleans.Concurrency;
using PhotonSdk.Orleans.Storage;

namespace PhotonSdk.Orleans.Pacing;

/// <summary>
/// Paces the cluster's submits to the tier (its key is the images per minute). Every submit time it hands out is
/// persisted before the caller gets it, in writes shared by the calls of the moment (<see cref="GroupCommit"/>,
/// gathering for <see cref="Gather"/>), so that an activation that follows a lost one (its silo died, or the whole
/// cluster) starts from every time handed out and the limit holds across the move.
/// </summary>
[Reentrant]
internal sealed class SubmitLimiterGrain : Grain, ISubmitLimiterGrain
{
    /// <summary>How long a write waits for more calls to join it: at most a few writes a second, whatever the rate.</summary>
    internal static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(100);

    private readonly IPersistentState<SubmitLimiterState> _state;
    private readonly TimeProvider _time;
    private readonly GroupCommit _commit;
    private SubmitWindow _window = null!;

    public SubmitLimiterGrain([PersistentState("limiter", PhotonImageJobOptions.StorageName)] IPersistentState<SubmitLimiterState> state, TimeProvider time)
    {
        _state = state;
        _time = time;
        _commit = new GroupCommit(WriteAsync, Gather, time);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var limit = checked((int)this.GetPrimaryKeyLong());
        _window = new SubmitWindow(limit, _state.State.SlotTicks.Select(t => new DateTimeOffset(t, TimeSpan.Zero)));
        if (_state.State.PausedUntilTicks > 0) _window.Pause(new DateTimeOffset(_state.State.PausedUntilTicks, TimeSpan.Zero));
        return Task.CompletedTask;
    }

    public async Task<DateTimeOffset> ReserveAsync()
    {
        var slot = _window.Reserve(_time.GetUtcNow());
        await _commit.PersistAsync().ConfigureAwait(true);
        return slot;
    }

    public async Task PauseAsync(DateTimeOffset until)
    {
        _window.Pause(until);
        _state.State.PausedUntilTicks = Math.Max(_state.State.PausedUntilTicks, until.UtcTicks);
        await _commit.PersistAsync().ConfigureAwait(true);
    }

    private Task WriteAsync()
    {
        _state.State.SlotTicks = [.. _window.Live(_time.GetUtcNow()).Select(s => s.UtcTicks)];
        return _state.WriteStateAsync();
    }
}
