using Microsoft.Extensions.Time.Testing;

namespace PhotonSdk.AspNetCore.Tests;

public sealed class InMemoryPhotonWebhookDeliveryStoreTests
{
    private readonly FakeTimeProvider _clock = new(WatchedClock.DefaultStart);

    [Fact]
    public async Task A_claimed_id_is_in_progress_until_marked_handled_and_a_duplicate_after()
    {
        var store = new InMemoryPhotonWebhookDeliveryStore(timeProvider: _clock);

        var first = await store.TryClaimAsync("a", default);
        var meanwhile = await store.TryClaimAsync("a", default);
        await store.MarkHandledAsync("a", default);
        var after = await store.TryClaimAsync("a", default);
        await store.ReleaseAsync("a", default);
        var afterRelease = await store.TryClaimAsync("a", default);

        Assert.Equal(PhotonWebhookClaim.Claimed, first);
        Assert.Equal(PhotonWebhookClaim.InProgress, meanwhile);
        Assert.Equal(PhotonWebhookClaim.AlreadyHandled, after);
        Assert.Equal(PhotonWebhookClaim.AlreadyHandled, afterRelease);
    }

    [Fact]
    public async Task A_released_id_can_be_claimed_again()
    {
        var store = new InMemoryPhotonWebhookDeliveryStore(timeProvider: _clock);

        await store.TryClaimAsync("a", default);
        await store.ReleaseAsync("a", default);

        Assert.Equal(PhotonWebhookClaim.Claimed, await store.TryClaimAsync("a", default));
        Assert.Equal(PhotonWebhookClaim.Claimed, await store.TryClaimAsync("b", default));
    }

    [Fact]
    public async Task A_handled_id_is_forgotten_when_its_retention_has_passed_since_handling()
    {
        var store = new InMemoryPhotonWebhookDeliveryStore(retention: TimeSpan.FromHours(1), timeProvider: _clock);
        await store.TryClaimAsync("a", default);
        _clock.Advance(TimeSpan.FromMinutes(50));
        await store.MarkHandledAsync("a", default);

        _clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromTicks(1));
        var justBefore = await store.TryClaimAsync("a", default);
        _clock.Advance(TimeSpan.FromTicks(1));
        var after = await store.TryClaimAsync("a", default);

        Assert.Equal(PhotonWebhookClaim.AlreadyHandled, justBefore);
        Assert.Equal(PhotonWebhookClaim.Claimed, after);
    }

    [Fact]
    public async Task The_default_retention_is_a_day()
    {
        var store = new InMemoryPhotonWebhookDeliveryStore(timeProvider: _clock);
        await store.MarkHandledAsync("a", default);

        _clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var justBefore = await store.TryClaimAsync("a", default);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(PhotonWebhookClaim.AlreadyHandled, justBefore);
        Assert.Equal(PhotonWebhookClaim.Claimed, await store.TryClaimAsync("a", default));
    }

    [Fact]
    public async Task Beyond_its_capacity_it_forgets_the_oldest_ids_first()
    {
        var store = new InMemoryPhotonWebhookDeliveryStore(capacity: 3, timeProvider: _clock);
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            await store.MarkHandledAsync(id, default);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(3, store.Count);
        Assert.Equal(PhotonWebhookClaim.AlreadyHandled, await store.TryClaimAsync("d", default));
        Assert.Equal(PhotonWebhookClaim.AlreadyHandled, await store.TryClaimAsync("b", default));
        Assert.Equal(PhotonWebhookClaim.Claimed, await store.TryClaimAsync("a", default));
        Assert.Equal(3, store.Count);
        Assert.Equal(PhotonWebhookClaim.Claimed, await store.TryClaimAsync("b", default));
    }

    [Fact]
    public void Of_many_concurrent_claims_of_one_id_exactly_one_wins()
    {
        var store = new InMemoryPhotonWebhookDeliveryStore(timeProvider: _clock);
        var claims = new System.Collections.Concurrent.ConcurrentBag<PhotonWebhookClaim>();

        // The in-memory store completes synchronously, so plain threads race on it directly.
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => claims.Add(store.TryClaimAsync("a", default).AsTask().GetAwaiter().GetResult()));

        Assert.Equal(64, claims.Count);
        Assert.Single(claims, claim => claim == PhotonWebhookClaim.Claimed);
        Assert.All(claims.Where(claim => claim != PhotonWebhookClaim.Claimed), claim => Assert.Equal(PhotonWebhookClaim.InProgress, claim));
    }

    [Fact]
    public void Capacity_and_retention_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryPhotonWebhookDeliveryStore(capacity: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryPhotonWebhookDeliveryStore(retention: TimeSpan.Zero));
    }
}
