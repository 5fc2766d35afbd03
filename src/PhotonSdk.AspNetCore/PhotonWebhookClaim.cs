namespace PhotonSdk.AspNetCore;

/// <summary>What <see cref="IPhotonWebhookDeliveryStore.TryClaimAsync"/> found for a delivery id.</summary>
public enum PhotonWebhookClaim
{
    /// <summary>The id is new (or was released or forgotten): the caller now holds it and must mark it handled or release it.</summary>
    Claimed,

    /// <summary>A delivery with this id was handled already; the handler is not run again.</summary>
    AlreadyHandled,

    /// <summary>A delivery with this id is being handled right now, by another request.</summary>
    InProgress,
}
