namespace PhotonSdk;

/// <summary>How long a prediction took, as the server and the client saw it.</summary>
/// <remarks>Made by the client from what the server sends; tests create one with <see cref="PhotonModelFactory"/>.</remarks>
public sealed class PredictionTimings
{
    internal PredictionTimings(DateTimeOffset? createdAt, TimeSpan? inference, TimeSpan? execution, TimeSpan elapsed)
    {
        CreatedAt = createdAt;
        Inference = inference;
        Execution = execution;
        Elapsed = elapsed;
    }

    /// <summary>When the server created the prediction.</summary>
    public DateTimeOffset? CreatedAt { get; }

    /// <summary>The server's inference time (<c>timings.inference</c>).</summary>
    public TimeSpan? Inference { get; }

    /// <summary>The server's execution time (<c>executionTime</c>).</summary>
    public TimeSpan? Execution { get; }

    /// <summary>The client's time from the submit to the result.</summary>
    public TimeSpan Elapsed { get; }
}
