namespace PhotonSdk.Orleans;

/// <summary>A finished prediction as a webhook delivered it, handed to the job it names.</summary>
[GenerateSerializer]
[Immutable]
[Alias("PhotonSdk.Orleans.PhotonImageJobPrediction")]
public sealed class PhotonImageJobPrediction
{
    /// <summary>The prediction's id.</summary>
    [Id(0)]
    public required string PredictionId { get; init; }

    /// <summary>Its status (<c>completed</c>, <c>failed</c>, ...).</summary>
    [Id(1)]
    public required string Status { get; init; }

    /// <summary>Its model id, when the delivery carried it.</summary>
    [Id(2)]
    public string? ModelId { get; init; }

    /// <summary>Its output URLs.</summary>
    [Id(3)]
    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary>Its error, when it failed.</summary>
    [Id(4)]
    public string? Error { get; init; }

    /// <summary>Copies what a job needs from a delivered prediction.</summary>
    /// <param name="prediction">The prediction.</param>
    /// <returns>The copy.</returns>
    public static PhotonImageJobPrediction From(PredictionSummary prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return new PhotonImageJobPrediction
        {
            PredictionId = prediction.Id,
            Status = prediction.Status.Value,
            ModelId = prediction.ModelId,
            Outputs = [.. prediction.Outputs],
            Error = prediction.Error,
        };
    }
}
