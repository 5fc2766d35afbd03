namespace PhotonSdk.Batch;

/// <summary>How a batch runs: its pace, its concurrency, its spending cap, its journal and where its images go.</summary>
public sealed class PhotonBatchOptions
{
    /// <summary>The default of <see cref="MaxConcurrency"/> when no <see cref="Tier"/> is given.</summary>
    public const int DefaultMaxConcurrency = 32;

    /// <summary>
    /// The account's level, whose images per minute the submits are paced to (never more in any minute, with a second
    /// of margin for the network) and whose concurrency bounds <see cref="MaxConcurrency"/>. When
    /// <see langword="null"/> (the default) the batch learns the limit: each 429 pauses submits for its
    /// <c>Retry-After</c> and caps the rate at what the server accepted in the last minute, which five minutes without a
    /// 429 raise again by a quarter. A 429 is learned from even with a tier, which then only caps the rate.
    /// </summary>
    /// <remarks>
    /// A batch sees the 429s that its client did not retry itself (<see cref="RetryOptions.MaxRetryAttempts"/>); a client
    /// with fewer retries lets it learn sooner.
    /// </remarks>
    public PhotonAccountTier? Tier { get; set; }

    /// <summary>
    /// How many items are in flight at once (submitting, waiting, saving). Default: the tier's concurrency, or
    /// <see cref="DefaultMaxConcurrency"/> without a tier. More than the tier's concurrency is not used: the server would
    /// only queue them.
    /// </summary>
    public int? MaxConcurrency { get; set; }

    /// <summary>
    /// The most the batch may spend, in US dollars, over all its runs. Each submit reserves its model's catalog price
    /// before it is sent and gives it back only when the submit provably created nothing; an item that does not fit is
    /// skipped (<see cref="PhotonBatchOutcome.SkippedByBudget"/>) and nothing is sent for it. A resumed batch counts what
    /// its journal says earlier runs may have spent. <see langword="null"/> (the default) sets no cap.
    /// </summary>
    public decimal? MaxCostUsd { get; set; }

    /// <summary>The journal; a new <see cref="InMemoryBatchJournal"/> when <see langword="null"/> (no resume across processes).</summary>
    public IPhotonBatchJournal? Journal { get; set; }

    /// <summary>
    /// Saves a completed item's image and returns where it went (a path or a URI), which the journal records. When
    /// <see langword="null"/> (the default), an item ends at <see cref="PhotonBatchOutcome.Completed"/> with its output
    /// URL. A save that throws leaves the item completed with its id and URL (<see cref="PhotonBatchOutcome.SaveFailed"/>),
    /// and a later run fetches it by id and saves it again; it must not overwrite what another item saved.
    /// </summary>
    public Func<PhotonBatchItem, ImageGenerationResult, CancellationToken, ValueTask<string>>? SaveImage { get; set; }

    /// <summary>
    /// Whether items left uncertain by an earlier run, and not found in the history, are submitted again. A second
    /// prediction may then be billed next to one that exists; the spending cap counts both. Default false: they are
    /// reported and left alone.
    /// </summary>
    public bool ResubmitUncertain { get; set; }

    /// <summary>Whether items that failed in an earlier run are submitted again. Default false: they are reported as failed.</summary>
    public bool RetryFailed { get; set; }

    /// <summary>The bound on each item's wait; the client's polling timeout when <see langword="null"/>.</summary>
    public TimeSpan? WaitTimeout { get; set; }

    /// <summary>
    /// How long a submit already sent may take to answer after the run is cancelled, so that its prediction id is
    /// recorded rather than lost. Default 10 seconds; one cut off after it is recorded as uncertain.
    /// </summary>
    public TimeSpan SubmitGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many times an item is sent again after its submit was refused with 429 (which creates nothing) before it is
    /// reported as failed and left pending in the journal. Default 20.
    /// </summary>
    public int MaxRateLimitedAttempts { get; set; } = 20;

    /// <summary>The clock of pacing, pauses, the grace period and the journal's times. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A copy, so that changing the caller's object later changes nothing in a running batch.</summary>
    internal PhotonBatchOptions Clone() => (PhotonBatchOptions)MemberwiseClone();

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    internal void Validate(string paramName)
    {
        if (MaxConcurrency is < 1)
            throw new ArgumentException($"{nameof(MaxConcurrency)} must be at least 1 (was {MaxConcurrency}).", paramName);
        if (MaxCostUsd is < 0)
            throw new ArgumentException($"{nameof(MaxCostUsd)} cannot be negative (was {MaxCostUsd}).", paramName);
        if (SubmitGracePeriod < TimeSpan.Zero)
            throw new ArgumentException($"{nameof(SubmitGracePeriod)} cannot be negative (was {SubmitGracePeriod}).", paramName);
        if (WaitTimeout is { } wait && wait <= TimeSpan.Zero)
            throw new ArgumentException($"{nameof(WaitTimeout)} must be positive (was {wait}).", paramName);
        if (MaxRateLimitedAttempts < 1)
            throw new ArgumentException($"{nameof(MaxRateLimitedAttempts)} must be at least 1 (was {MaxRateLimitedAttempts}).", paramName);
        if (TimeProvider is null)
            throw new ArgumentException($"{nameof(TimeProvider)} is required.", paramName);
    }

    /// <summary>The concurrency the batch uses: the option, capped by the tier's, or the tier's, or the default.</summary>
    internal int EffectiveConcurrency =>
        Tier is { } tier ? Math.Min(MaxConcurrency ?? tier.MaxConcurrency, tier.MaxConcurrency) : MaxConcurrency ?? DefaultMaxConcurrency;
}
