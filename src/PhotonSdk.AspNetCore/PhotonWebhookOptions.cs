namespace PhotonSdk.AspNetCore;

/// <summary>How <c>MapPhotonWebhooks</c> receives deliveries; set with <c>AddPhotonWebhooks</c>, checked when the host starts.</summary>
public sealed class PhotonWebhookOptions
{
    /// <summary>The default of <see cref="MaxBodyBytes"/>: 1 MiB, far above a prediction with URL outputs.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>The default of <see cref="HandlerTimeout"/>.</summary>
    public static readonly TimeSpan DefaultHandlerTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The signing secret (<c>whsec_...</c>, from <c>GET /api/v3/webhook/secret</c>). When <see langword="null"/> (the
    /// default) it is fetched once, at the first delivery, through the registered <see cref="PhotonClient"/>
    /// (<c>client.Rest.GetWebhookSecretAsync</c>), and kept for the life of the process.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// The name of the keyed <see cref="PhotonClient"/> (<c>AddPhotonClient(name, ...)</c>) that fetches the secret
    /// when <see cref="Secret"/> is not set; <see langword="null"/> (the default) uses the default client.
    /// </summary>
    public string? ClientName { get; set; }

    /// <summary>The largest body read, in bytes; a larger delivery is answered 413 unread. Default 1 MiB.</summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>
    /// How far a delivery's <c>webhook-timestamp</c> may lie from now, either way; older (stale) and later
    /// (future-dated) deliveries are answered 400. Default 300 s, the maximum age WaveSpeed documents.
    /// </summary>
    public TimeSpan Tolerance { get; set; } = WebhookVerifier.DefaultTolerance;

    /// <summary>
    /// How long the handler may run before its cancellation token fires; a handler that then gives up is answered 503,
    /// so that the sender may deliver again. Default 10 s; <see langword="null"/> leaves only the sender's disconnect to
    /// cancel it. A handler should store or queue the work and return, not do it.
    /// </summary>
    public TimeSpan? HandlerTimeout { get; set; } = DefaultHandlerTimeout;
}
