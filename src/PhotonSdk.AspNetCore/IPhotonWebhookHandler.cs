namespace PhotonSdk.AspNetCore;

/// <summary>
/// The application's handler of verified deliveries, resolved from the request's services by
/// <c>MapPhotonWebhooks(pattern)</c>, so it may be scoped and take scoped services.
/// </summary>
public interface IPhotonWebhookHandler
{
    /// <summary>
    /// Handles one verified delivery that has not been handled before. Return once the delivery is safe (stored or
    /// queued durably); throwing answers the sender 5xx and leaves the delivery unhandled, so that a redelivery runs
    /// this again.
    /// </summary>
    /// <param name="webhook">The delivery.</param>
    /// <param name="cancellationToken">Cancelled when the sender disconnects or <see cref="PhotonWebhookOptions.HandlerTimeout"/> passes.</param>
    /// <returns>A task that completes when the delivery is handled.</returns>
    Task HandleAsync(PhotonWebhook webhook, CancellationToken cancellationToken);
}
