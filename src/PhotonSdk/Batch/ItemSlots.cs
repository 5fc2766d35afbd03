namespace PhotonSdk.Batch;

/// <summary>
/// The bound on items in flight. One waiter at a time (the run's loop that starts items); a freed slot goes to it at
/// once and inline, so that the next item starts (and sends its request) before the freeing item's task moves on. The
/// built-in concurrency limiter completes its waiters on the thread pool, which would let a test's fake clock move
/// between a freed slot and the next item's start.
/// </summary>
internal sealed class ItemSlots
{
    private readonly Lock _gate = new();
    private int _free;
    private TaskCompletionSource? _waiter;

    public ItemSlots(int count) => _free = count;

    /// <summary>Takes a slot, waiting for one to free; cancelling gives up the wait.</summary>
    public async ValueTask<Slot> TakeAsync(CancellationToken cancellationToken)
    {
        Task wait;
        lock (_gate)
        {
            if (_waiter is not null) throw new InvalidOperationException("One waiter at a time.");
            if (_free > 0)
            {
                _free--;
                return new Slot(this);
            }

            _waiter = new TaskCompletionSource();
            wait = _waiter.Task;
        }

        try
        {
            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new Slot(this);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                // A slot handed over as the wait was cancelled is not lost.
                if (_waiter?.Task == wait) _waiter = null;
                else if (wait.IsCompletedSuccessfully) _free++;
            }

            throw;
        }
    }

    private void Free()
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            waiter = _waiter;
            _waiter = null;
            if (waiter is null) _free++;
        }

        waiter?.TrySetResult();
    }

    /// <summary>A slot held; disposing it frees it, once.</summary>
    public sealed class Slot(ItemSlots slots) : IDisposable
    {
        private int _freed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _freed, 1) == 0) slots.Free();
        }
    }
}
