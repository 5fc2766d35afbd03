namespace PhotonSdk;

/// <summary>A prediction as the history lists it.</summary>
/// <param name="Id">The prediction id.</param>
/// <param name="ModelId">The model id.</param>
/// <param name="Status">The status.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Outputs">Its outputs: URLs, or base64 for predictions that asked for data.</param>
/// <param name="Error">The server's error text, for failed predictions.</param>
/// <param name="ExecutionTime">The server's execution time.</param>
public sealed record PredictionSummary(
    string Id, string? ModelId, PredictionStatus Status, DateTimeOffset? CreatedAt, IReadOnlyList<string> Outputs, string? Error, TimeSpan? ExecutionTime);
