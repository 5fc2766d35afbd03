using PhotonSdk.Batch;

namespace PhotonSdk.Orleans;

/// <summary>How image jobs run on a silo; set with <c>AddPhotonImageJobs</c>. Every silo of a cluster should have the same.</summary>
public sealed class PhotonImageJobOptions
{
    /// <summary>The name of the grain storage that holds the jobs' state, the limiter's window and the budget: register one under it (ADO.NET, Redis, memory for tests).</summary>
    public const string StorageName = "photon-jobs";

    /// <summary>
    /// The absolute URL of the cluster's webhook endpoint (<c>MapPhotonWebhooks</c> with
    /// <c>AddPhotonImageJobWebhooks</c>); each submit carries it with <c>?job=&lt;id&gt;</c> added. Required.
    /// </summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The account's level: the whole cluster submits no more images a minute than it allows. <see langword="null"/> (the default) paces nothing.</summary>
    public PhotonAccountTier? Tier { get; set; }

    /// <summary>The most the cluster may spend, in US dollars, over all jobs: each submit reserves its model's price first. <see langword="null"/> (the default) sets no cap.</summary>
    public decimal? MaxCostUsd { get; set; }

    /// <summary>How often a job without a result wakes up on its reminder (polls, looks for an uncertain prediction, retries). Default 1 minute, Orleans' smallest reminder period unless configured lower.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a job whose submit answer was lost waits for its webhook before it looks in the prediction history. Default 2 minutes.</summary>
    public TimeSpan UncertainGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long after an uncertain submit a prediction it created may appear (the client's own 429 retries can hold a
    /// submit back for minutes): the history is searched over this window, and a job with nothing found once it has
    /// passed is left uncertain. Default 10 minutes.
    /// </summary>
    public TimeSpan UncertainWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether a job whose submit may have created a prediction, and for which none was found in the history once
    /// the window had passed, is submitted again (risking a second, billed prediction). Default <see langword="false"/>:
    /// it ends <see cref="PhotonImageJobStatus.Uncertain"/>.
    /// </summary>
    public bool ResubmitUncertain { get; set; }

    /// <summary>How long a job waits before submitting again after a 429 that gave no <c>Retry-After</c>. Default 5 seconds.</summary>
    public TimeSpan RateLimitedBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws when a setting is missing or out of range, naming it.</summary>
    internal void Validate()
    {
        if (WebhookUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException("An absolute http(s) webhook URL is required: the cluster's MapPhotonWebhooks endpoint.", nameof(WebhookUrl));
        if (MaxCostUsd is < 0) throw new ArgumentOutOfRangeException(nameof(MaxCostUsd), MaxCostUsd, "Cannot be negative.");
        if (PollInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "Must be positive.");
        if (UncertainGrace < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(UncertainGrace), UncertainGrace, "Cannot be negative.");
        if (UncertainWindow < UncertainGrace) throw new ArgumentOutOfRangeException(nameof(UncertainWindow), UncertainWindow, "Cannot be shorter than UncertainGrace.");
        if (RateLimitedBackoff <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RateLimitedBackoff), RateLimitedBackoff, "Must be positive.");
    }

    internal PhotonImageJobOptions Clone() => (PhotonImageJobOptions)MemberwiseClone();
}
