namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>What a fault case must end in: a result, or an exception of an exact type with exact fields.</summary>
public sealed record Outcome
{
    /// <summary>The exact exception type; null when the call must succeed.</summary>
    public Type? Throws { get; init; }

    /// <summary>The exception's <see cref="PhotonException.StatusCode"/>, null included.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The exception's <see cref="PhotonException.TaskCode"/>, null included.</summary>
    public int? TaskCode { get; init; }

    public PredictionIdOnOutcome PredictionId { get; init; }

    /// <summary>A phrase the exception's message must contain, when set.</summary>
    public string? Says { get; init; }

    /// <summary>For <see cref="PhotonCanceledException"/>, when set.</summary>
    public bool? PredictionMayExist { get; init; }

    /// <summary>For <see cref="PhotonRateLimitedException"/>, when set.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>For <see cref="ArgumentException"/>, when set.</summary>
    public string? ParamName { get; init; }

    public static Outcome Returns(PredictionIdOnOutcome predictionId = PredictionIdOnOutcome.Issued) => new() { PredictionId = predictionId };

    public static Outcome Fails<TException>(int? status = null, int? task = null, PredictionIdOnOutcome id = PredictionIdOnOutcome.None, string? says = null)
        where TException : Exception =>
        new() { Throws = typeof(TException), StatusCode = status, TaskCode = task, PredictionId = id, Says = says };

    public override string ToString() => Throws is null ? $"returns (id {PredictionId})" : $"{Throws.Name} (status {StatusCode}, task {TaskCode}, id {PredictionId})";
}
