namespace PhotonSdk.Orleans;

/// <summary>A job as its grain holds it: its request, where it stands and, once finished, its result or error.</summary>
[GenerateSerializer]
[Immutable]
[Alias("PhotonSdk.Orleans.PhotonImageJob")]
public sealed class PhotonImageJob
{
    /// <summary>The caller's job id (the grain's key).</summary>
    [Id(0)]
    public required string JobId { get; init; }

    /// <summary>Where the job stands.</summary>
    [Id(1)]
    public PhotonImageJobStatus Status { get; init; }

    /// <summary>The request; <see langword="null"/> only when <see cref="Status"/> is <see cref="PhotonImageJobStatus.None"/>.</summary>
    [Id(2)]
    public PhotonImageJobRequest? Request { get; init; }

    /// <summary>The model id the job was routed to.</summary>
    [Id(3)]
    public string? ModelId { get; init; }

    /// <summary>The prediction's id, once known; keep it: the prediction is billed.</summary>
    [Id(4)]
    public string? PredictionId { get; init; }

    /// <summary>The output URLs of a completed job (WaveSpeed keeps them for 7 days).</summary>
    [Id(5)]
    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary>What the prediction cost, in US dollars, when known (the model's price per image).</summary>
    [Id(6)]
    public decimal? CostUsd { get; init; }

    /// <summary>Why the job failed or is uncertain.</summary>
    [Id(7)]
    public string? Error { get; init; }

    /// <summary>What told the job its prediction finished.</summary>
    [Id(8)]
    public PhotonImageJobCompletionSource CompletedBy { get; init; }

    /// <summary>When the job was started.</summary>
    [Id(9)]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When its submit request left.</summary>
    [Id(10)]
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>When the job learned that it finished.</summary>
    [Id(11)]
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Whether the job has reached a state it does not leave by itself (completed, failed, uncertain).</summary>
    public bool IsFinished => Status is PhotonImageJobStatus.Completed or PhotonImageJobStatus.Failed or PhotonImageJobStatus.Uncertain;

    /// <inheritdoc />
    public override string ToString() => $"{JobId}: {Status}" + (PredictionId is null ? "" : $" ({PredictionId})");
}
