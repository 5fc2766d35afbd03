namespace PhotonSdk.AspNetCore;

/// <summary>
/// The default <see cref="IPhotonWebhookDeliveryStore"/>: delivery ids in this process's memory, bounded in number and
/// in age. An id is forgotten once <c>retention</c> has passed since it was claimed or handled, or when
/// <c>capacity</c> newer ids have pushed it out (oldest first); a redelivery of a forgotten id is handled again. Ids
/// do not survive a restart and are not shared between instances.
/// </summary>
public sealed class InMemoryPhotonWebhookDeliveryStore : IPhotonWebhookDeliveryStore
{
    /// <summary>The default number of ids remembered.</summary>
    public const int DefaultCapacity = 10_000;

    /// <summary>The default time an id is remembered: a day, longer than the retry schedules webhook senders commonly use.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromHours(24);

    private readonly int _capacity;
    private readonly TimeSpan _retention;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);

    // Oldest first: every id enters (or re-enters) at the end stamped with now, so the ones to forget are at the front.
    private readonly LinkedList<Entry> _byAge = new();

    /// <summary>Creates a store.</summary>
    /// <param name="capacity">How many ids it remembers at most; default <see cref="DefaultCapacity"/>.</param>
    /// <param name="retention">How long it remembers an id; default <see cref="DefaultRetention"/>.</param>
    /// <param name="timeProvider">The clock; default the system clock.</param>
    /// <exception cref="ArgumentOutOfRangeException">The capacity or the retention is not positive.</exception>
    public InMemoryPhotonWebhookDeliveryStore(int capacity = DefaultCapacity, TimeSpan? retention = null, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        var keep = retention ?? DefaultRetention;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(keep, TimeSpan.Zero, nameof(retention));
        _capacity = capacity;
        _retention = keep;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How many ids are remembered now, claimed or handled.</summary>
    internal int Count
    {
        get
        {
            lock (_gate)
            {
                Forget(_time.GetUtcNow());
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<PhotonWebhookClaim> TryClaimAsync(string webhookId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            Forget(now);
            if (_entries.TryGetValue(webhookId, out var known))
                return ValueTask.FromResult(known.Value.Handled ? PhotonWebhookClaim.AlreadyHandled : PhotonWebhookClaim.InProgress);

            Add(webhookId, handled: false, now);
            return ValueTask.FromResult(PhotonWebhookClaim.Claimed);
        }
    }

    /// <inheritdoc />
    public ValueTask MarkHandledAsync(string webhookId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            Forget(now);
            Remove(webhookId);

            // Retention counts from the handling, so a slow handler does not shorten how long its id is remembered.
            Add(webhookId, handled: true, now);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string webhookId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        lock (_gate)
        {
            if (_entries.TryGetValue(webhookId, out var known) && !known.Value.Handled) Remove(webhookId);
        }

        return ValueTask.CompletedTask;
    }

    private void Add(string webhookId, bool handled, DateTimeOffset now)
    {
        while (_entries.Count >= _capacity && _byAge.First is { } oldest) Remove(oldest.Value.Id);
        _entries.Add(webhookId, _byAge.AddLast(new Entry(webhookId, handled, now)));
    }

    private void Remove(string webhookId)
    {
        if (_entries.Remove(webhookId, out var node)) _byAge.Remove(node);
    }

    private void Forget(DateTimeOffset now)
    {
        while (_byAge.First is { } oldest && now - oldest.Value.Since >= _retention) Remove(oldest.Value.Id);
    }

    private sealed record Entry(string Id, bool Handled, DateTimeOffset Since);
}
