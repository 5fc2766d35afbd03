namespace PhotonSdk.Emulator;

/// <summary>
/// Faults the emulator injects so that clients can be tested against failures. Every draw is derived from
/// <see cref="EmulatorOptions.Seed"/> and the order of requests, so a seeded run fails the same requests each time.
/// All faults are off by default.
/// </summary>
public sealed class EmulatorFaultOptions
{
    /// <summary>
    /// Words that make a prediction fail content moderation (task code 1200) when its prompt contains one of them,
    /// case-insensitively. Empty by default.
    /// </summary>
    public IList<string> ModerationWords { get; } = [];

    /// <summary>The share of predictions, from 0 to 1, that fail with <see cref="FailureCode"/>. Default 0.</summary>
    public double FailureRate { get; set; }

    /// <summary>
    /// The task code of a prediction failed by <see cref="FailureRate"/>: 1403 (task execution failed, the default),
    /// 1405, 5000 (internal error) or 5003 (service unavailable).
    /// </summary>
    public int FailureCode { get; set; } = 1403;

    /// <summary>The share of API requests, from 0 to 1, answered with <see cref="ServerErrorStatusCode"/>. Default 0.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>The HTTP status of an injected server error: 500, 502, 503 (the default) or 504.</summary>
    public int ServerErrorStatusCode { get; set; } = 503;

    /// <summary>
    /// When true, a submit that draws a server error is still accepted: the prediction exists although the client
    /// saw a 5xx, as when a response is lost on the way back. Default false (the submit is refused).
    /// </summary>
    public bool ServerErrorKeepsSubmission { get; set; }

    /// <summary>
    /// The share of API requests, from 0 to 1, whose connection is dropped once the request has been handled, with no
    /// answer (the client sees a reset). A dropped submit has created its prediction: its answer is lost on the way back,
    /// the case a client can least tell apart. Default 0.
    /// </summary>
    public double ConnectionResetRate { get; set; }

    /// <summary>The share of API requests, from 0 to 1, delayed by <see cref="SlowResponseDelay"/>. Default 0.</summary>
    public double SlowResponseRate { get; set; }

    /// <summary>The extra delay of a slowed request (not scaled by the latency scale). Default 2 seconds.</summary>
    public TimeSpan SlowResponseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The share of API requests, from 0 to 1, answered 429 (a rate-limit storm) with <see cref="RateLimitedRetryAfter"/>
    /// as <c>Retry-After</c>, whatever the tier. A submit answered so creates nothing, as with the real API. Default 0.
    /// </summary>
    public double RateLimitedRate { get; set; }

    /// <summary>The <c>Retry-After</c> of an injected 429, rounded up to whole seconds. Default 1 second.</summary>
    public TimeSpan RateLimitedRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The share of webhook deliveries, from 0 to 1, that are never sent (a delivery lost on the way), drawn per
    /// prediction in the order they are scheduled. The prediction itself completes as usual. Default 0.
    /// </summary>
    public double WebhookDropRate { get; set; }

    /// <summary>
    /// The share of webhook deliveries, from 0 to 1, that are sent twice (a redelivery), with the same
    /// <c>webhook-id</c> and body, the second after <see cref="WebhookDuplicateDelay"/>. Drawn among those not dropped.
    /// Default 0.
    /// </summary>
    public double WebhookDuplicateRate { get; set; }

    /// <summary>How long after the first delivery a duplicated one is sent again (signed anew at that time). Default 1 second.</summary>
    public TimeSpan WebhookDuplicateDelay { get; set; } = TimeSpan.FromSeconds(1);
}
