namespace PhotonSdk;

/// <summary>How long a prediction took, as the server and the client saw it.</summary>
/// <param name="CreatedAt">When the server created the prediction.</param>
/// <param name="Inference">The server's inference time (<c>timings.inference</c>).</param>
/// <param name="Execution">The server's execution time (<c>executionTime</c>).</param>
/// <param name="Elapsed">The client's time from the submit to the result.</param>
public sealed record PredictionTimings(DateTimeOffset? CreatedAt, TimeSpan? Inference, TimeSpan? Execution, TimeSpan Elapsed);
