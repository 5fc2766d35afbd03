namespace PhotonSdk;

/// <summary>A prediction as the history lists it (or a webhook delivers it).</summary>
/// <remarks>Made by the client from what the server sends; tests create one with <see cref="PhotonModelFactory"/>.</remarks>
public sealed class PredictionSummary
{
    internal PredictionSummary(string id, string? modelId, PredictionStatus status, DateTimeOffset? createdAt, IReadOnlyList<string> outputs, string? error, TimeSpan? executionTime)
    {
        Id = id;
        ModelId = modelId;
        Status = status;
        CreatedAt = createdAt;
        Outputs = outputs;
        Error = error;
        ExecutionTime = executionTime;
    }

    /// <summary>The prediction id.</summary>
    public string Id { get; }

    /// <summary>The model id.</summary>
    public string? ModelId { get; }

    /// <summary>The status.</summary>
    public PredictionStatus Status { get; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; }

    /// <summary>Its outputs: URLs, or base64 for predictions that asked for data.</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>The server's error text, for failed predictions.</summary>
    public string? Error { get; }

    /// <summary>The server's execution time.</summary>
    public TimeSpan? ExecutionTime { get; }
}
