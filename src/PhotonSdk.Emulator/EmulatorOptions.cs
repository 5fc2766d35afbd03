using System.Globalization;

namespace PhotonSdk.Emulator;

/// <summary>How a <see cref="WaveSpeedEmulator"/> behaves. Every setting has a default close to the real service.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The default of <see cref="Urls"/>: a free port on the loopback address.</summary>
    public const string DefaultUrls = "http://127.0.0.1:0";

    /// <summary>
    /// The address(es) to listen on, separated by <c>;</c>, as ASP.NET Core's <c>--urls</c>. Default
    /// <c>http://127.0.0.1:0</c>: a free loopback port, read back from <see cref="WaveSpeedEmulator.BaseUrl"/>.
    /// </summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>
    /// The API keys accepted as <c>Authorization: Bearer KEY</c>. Empty (the default) accepts any non-empty key; a
    /// missing or wrong key is answered 401.
    /// </summary>
    public IList<string> ApiKeys { get; } = [];

    /// <summary>
    /// Multiplies every model latency and the sync-mode window. 1 (the default) is close to the real service; 0 makes
    /// each prediction finish at once, which suits tests.
    /// </summary>
    public double LatencyScale { get; set; } = 1.0;

    /// <summary>
    /// Spreads each prediction's latency evenly within this share either side of its model's latency, as real
    /// predictions vary: 0.1 gives a 3 s model anything from 2.7 s to 3.3 s. Default 0, every prediction of a model
    /// taking the same time. Draws follow <see cref="Seed"/>.
    /// </summary>
    public double LatencyJitter { get; set; }

    /// <summary>
    /// Unscaled latency by model id, overriding the defaults (3 s for flash-tier models, 8 s for the others).
    /// </summary>
    public IDictionary<string, TimeSpan> ModelLatencies { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary>
    /// How long a sync-mode request is held before it is answered with status <c>processing</c> and task code 5004,
    /// before scaling by <see cref="LatencyScale"/>. Default 60 seconds.
    /// </summary>
    public TimeSpan SyncModeTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The account level whose rate and concurrency limits apply. Default <see cref="RateLimitTier.None"/>.</summary>
    public RateLimitTier RateLimitTier { get; set; } = RateLimitTier.None;

    /// <summary>
    /// Makes prediction ids, fault draws and images repeatable. Null (the default) draws ids at random; images then
    /// depend on the prompt alone.
    /// </summary>
    public int? Seed { get; set; }

    /// <summary>The balance in USD the account starts with; each completed prediction takes its model's price. Default 10.00.</summary>
    public decimal InitialBalance { get; set; } = 10.00m;

    /// <summary>The webhook signing secret (<c>whsec_...</c>). Null (the default) makes a random one per emulator.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The largest upload accepted, in bytes; larger ones are answered 413. Default 300 MiB.</summary>
    public long MaxUploadBytes { get; set; } = 300L * 1024 * 1024;

    /// <summary>The encoding of rendered outputs. Default <see cref="EmulatorImageFormat.Png"/>.</summary>
    public EmulatorImageFormat ImageFormat { get; set; } = EmulatorImageFormat.Png;

    /// <summary>The injected faults; all off by default.</summary>
    public EmulatorFaultOptions Faults { get; } = new();

    /// <summary>
    /// The clock of every time-based behaviour (latency, sync window, rate limits, webhook timing, expiry). Default
    /// <see cref="TimeProvider.System"/>; tests pass a fake one and advance it.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// A file that keeps the predictions (and so the history and the balance) between runs: each one is appended as it is
    /// created or deleted, and the next emulator started with the same file answers for them. Their images are drawn
    /// again from the prompt; uploads are not kept. <see langword="null"/> (the default) keeps nothing.
    /// </summary>
    public string? StateFile { get; set; }

    /// <summary>
    /// Observes the emulator's traffic (the API, output images and uploads): called as each request arrives, and again
    /// once its answer has been sent in full (or the connection dropped), on the request's own thread. For tests that act
    /// at exact points, such as a harness that kills its client right after a submit is answered. Default none.
    /// </summary>
    public Action<EmulatorRequest>? OnRequest { get; set; }

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Urls))
        {
            throw new ArgumentException("At least one URL to listen on is required.", nameof(Urls));
        }

        RequireNonNegativeFinite(LatencyScale, nameof(LatencyScale));
        if (!double.IsFinite(LatencyJitter) || LatencyJitter is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(LatencyJitter), LatencyJitter.ToString(CultureInfo.InvariantCulture), "Must be 0 or more and less than 1.");
        }

        RequireNonNegative(SyncModeTimeout, nameof(SyncModeTimeout));
        foreach (var (model, latency) in ModelLatencies)
        {
            RequireNonNegative(latency, $"{nameof(ModelLatencies)}[{model}]");
        }

        if (!Enum.IsDefined(RateLimitTier))
        {
            throw new ArgumentOutOfRangeException(nameof(RateLimitTier), RateLimitTier, "Unknown rate-limit tier.");
        }

        if (!Enum.IsDefined(ImageFormat))
        {
            throw new ArgumentOutOfRangeException(nameof(ImageFormat), ImageFormat, "Unknown image format.");
        }

        if (MaxUploadBytes is <= 0 or > int.MaxValue)
        {
            // Uploads are held in memory as one array each, which caps them just under 2 GiB.
            throw new ArgumentOutOfRangeException(nameof(MaxUploadBytes), MaxUploadBytes, "Must be positive and below 2 GiB.");
        }

        if (WebhookSecret is not null && (!WebhookSecret.StartsWith("whsec_", StringComparison.Ordinal) || WebhookSecret.Length <= "whsec_".Length))
        {
            throw new ArgumentException("A webhook secret starts with 'whsec_' and has text after it.", nameof(WebhookSecret));
        }

        if (ApiKeys.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("API keys cannot be empty.", nameof(ApiKeys));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));

        RequireShare(Faults.FailureRate, "Faults.FailureRate");
        RequireShare(Faults.ServerErrorRate, "Faults.ServerErrorRate");
        RequireShare(Faults.SlowResponseRate, "Faults.SlowResponseRate");
        RequireNonNegative(Faults.SlowResponseDelay, "Faults.SlowResponseDelay");
        RequireShare(Faults.RateLimitedRate, "Faults.RateLimitedRate");
        RequireShare(Faults.ConnectionResetRate, "Faults.ConnectionResetRate");
        RequireNonNegative(Faults.RateLimitedRetryAfter, "Faults.RateLimitedRetryAfter");
        RequireShare(Faults.WebhookDropRate, "Faults.WebhookDropRate");
        RequireShare(Faults.WebhookDuplicateRate, "Faults.WebhookDuplicateRate");
        RequireNonNegative(Faults.WebhookDuplicateDelay, "Faults.WebhookDuplicateDelay");
        if (Faults.FailureCode is not (1403 or 1405 or 5000 or 5003))
        {
            throw new ArgumentOutOfRangeException("Faults.FailureCode", Faults.FailureCode, "Must be 1403, 1405, 5000 or 5003.");
        }

        if (Faults.ServerErrorStatusCode is < 500 or > 599)
        {
            throw new ArgumentOutOfRangeException("Faults.ServerErrorStatusCode", Faults.ServerErrorStatusCode, "Must be a 5xx status.");
        }

        if (Faults.ModerationWords.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Moderation words cannot be empty.", "Faults.ModerationWords");
        }
    }

    private static void RequireNonNegativeFinite(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value.ToString(CultureInfo.InvariantCulture), "Must be a finite number, 0 or more.");
        }
    }

    private static void RequireShare(double value, string name)
    {
        if (!double.IsFinite(value) || value is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(name, value.ToString(CultureInfo.InvariantCulture), "Must be between 0 and 1.");
        }
    }

    private static void RequireNonNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "Cannot be negative.");
        }
    }
}
