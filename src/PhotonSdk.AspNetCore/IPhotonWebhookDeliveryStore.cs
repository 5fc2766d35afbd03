namespace PhotonSdk.AspNetCore;

/// <summary>
/// Remembers which deliveries (by <c>webhook-id</c>) have been handled, so that a redelivery or a replay does not run
/// the handler twice. The default, <see cref="InMemoryPhotonWebhookDeliveryStore"/>, lives in one process; an
/// application behind several instances registers a shared implementation (a database table, a cache with atomic
/// add) as a singleton <see cref="IPhotonWebhookDeliveryStore"/>.
/// </summary>
/// <remarks>
/// A claim is taken before the handler runs and ends in exactly one of <see cref="MarkHandledAsync"/> (the handler
/// returned) or <see cref="ReleaseAsync"/> (it threw), so a failed delivery is never remembered as handled.
/// </remarks>
public interface IPhotonWebhookDeliveryStore
{
    /// <summary>Claims a delivery id for handling, atomically: of concurrent callers with the same id, at most one gets <see cref="PhotonWebhookClaim.Claimed"/>.</summary>
    /// <param name="webhookId">The delivery id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the caller now holds the id, or why not.</returns>
    ValueTask<PhotonWebhookClaim> TryClaimAsync(string webhookId, CancellationToken cancellationToken);

    /// <summary>Records a claimed delivery id as handled: later deliveries with it are duplicates.</summary>
    /// <param name="webhookId">The delivery id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the id is recorded.</returns>
    ValueTask MarkHandledAsync(string webhookId, CancellationToken cancellationToken);

    /// <summary>Gives a claimed delivery id back unhandled, so that a redelivery is handled.</summary>
    /// <param name="webhookId">The delivery id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the claim is released.</returns>
    ValueTask ReleaseAsync(string webhookId, CancellationToken cancellationToken);
}
