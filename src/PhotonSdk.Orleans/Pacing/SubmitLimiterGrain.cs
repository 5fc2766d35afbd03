namespace PhotonSdk.Orleans.Pacing;

/// <summary>
/// Paces the cluster's submits to the tier (its key). The window lives in memory and is checkpointed once a second
/// while it changes; an activation that follows a lost one (its silo died) starts from the checkpoint plus twice
/// the grants of the second before it, in case they were handed out after the checkpoint, so that the limit holds
/// across the move.
/// </summary>
internal sealed class SubmitLimiterGrain(
    [PersistentState("limiter", PhotonImageJobOptions.StorageName)] IPersistentState<SubmitLimiterState> state,
    TimeProvider time) : Grain, ISubmitLimiterGrain
{
    private static readonly TimeSpan CheckpointEvery = TimeSpan.FromSeconds(1);
    private SubmitWindow _window = null!;
    private long _checkpointedAt;
    private IGrainTimer? _timer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var limit = checked((int)this.GetPrimaryKeyLong());
        var now = time.GetUtcNow();
        var earlier = state.State.Slots.ToList();
        var last = earlier.Count > 0 && earlier[^1] > now ? earlier[^1] : now;
        for (var i = 0; i < 2 * state.State.GrantedSinceLastCheckpoint; i++) earlier.Add(last);
        _window = new SubmitWindow(limit, earlier);
        if (state.State.PausedUntil is { } paused) _window.Pause(paused);
        _timer = this.RegisterGrainTimer(CheckpointAsync, CheckpointEvery, CheckpointEvery);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        await CheckpointAsync(cancellationToken).ConfigureAwait(true);
    }

    public Task<DateTimeOffset> ReserveAsync() => Task.FromResult(_window.Reserve(time.GetUtcNow()));

    public Task PauseAsync(DateTimeOffset until)
    {
        _window.Pause(until);
        state.State.PausedUntil = until;
        return Task.CompletedTask;
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        var granted = _window.Granted;
        if (granted == _checkpointedAt) return;
        state.State.Slots = _window.Live(time.GetUtcNow());
        state.State.GrantedSinceLastCheckpoint = (int)Math.Min(int.MaxValue, granted - _checkpointedAt);
        await state.WriteStateAsync(cancellationToken).ConfigureAwait(true);
        _checkpointedAt = granted;
    }
}
