namespace PhotonSdk.Orleans.Jobs;

/// <summary>A job's persisted state: replaced whole on every change, so a reader never sees half of one.</summary>
[GenerateSerializer]
[Alias("PhotonSdk.Orleans.JobState")]
internal sealed record JobState
{
    [Id(0)] public PhotonImageJobStatus Status { get; init; }
    [Id(1)] public string? Prompt { get; init; }
    [Id(2)] public string? RequestedModel { get; init; }
    [Id(3)] public string? ModelId { get; init; }
    [Id(4)] public string? PredictionId { get; init; }
    [Id(5)] public string[] Outputs { get; init; } = [];
    [Id(6)] public decimal? CostUsd { get; init; }
    [Id(7)] public string? Error { get; init; }
    [Id(8)] public PhotonImageJobCompletionSource CompletedBy { get; init; }
    [Id(9)] public DateTimeOffset? CreatedAt { get; init; }
    [Id(10)] public DateTimeOffset? SubmittingAt { get; init; }
    [Id(11)] public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The price reserved from the budget for the job's submit (kept, in flight or done); given back only when the submit provably created nothing.</summary>
    [Id(12)] public decimal ReservedUsd { get; init; }

    /// <summary>Until when a pending job waits before submitting again (after a 429).</summary>
    [Id(13)] public DateTimeOffset? RetryAt { get; init; }

    /// <summary>The submit time the cluster's limiter gave a pending job, kept when it lies further off than a moment.</summary>
    [Id(14)] public DateTimeOffset? SlotAt { get; init; }

    public bool IsFinished => Status is PhotonImageJobStatus.Completed or PhotonImageJobStatus.Failed or PhotonImageJobStatus.Uncertain;

    public PhotonImageJob ToJob(string jobId) => new()
    {
        JobId = jobId,
        Status = Status,
        Request = Prompt is null ? null : new PhotonImageJobRequest(Prompt, RequestedModel),
        ModelId = ModelId,
        PredictionId = PredictionId,
        Outputs = Outputs,
        CostUsd = CostUsd,
        Error = Error,
        CompletedBy = CompletedBy,
        CreatedAt = CreatedAt,
        SubmittedAt = SubmittingAt,
        FinishedAt = FinishedAt,
    };
}
