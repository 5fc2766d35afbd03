namespace PhotonSdk;

/// <summary>
/// The caller cancelled. Cancelling stops the SDK's waiting, not the prediction: a prediction that was submitted keeps
/// running and is billed. <see cref="PredictionId"/> resumes it; when it is <see langword="null"/> but
/// <see cref="PredictionMayExist"/> is set, the submit request was in flight and may have created one.
/// </summary>
public sealed class PhotonCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was cancelled and what happens to the prediction.</param>
    /// <param name="predictionId">The prediction, when its id was known.</param>
    /// <param name="predictionMayExist">Whether a prediction may exist on the server.</param>
    /// <param name="innerException">The cancellation that caused it.</param>
    /// <param name="token">The token that was cancelled.</param>
    public PhotonCanceledException(string message, string? predictionId, bool predictionMayExist, Exception? innerException, CancellationToken token)
        : base(message, innerException, token)
    {
        PredictionId = predictionId;
        PredictionMayExist = predictionMayExist;
    }

    /// <summary>The prediction that keeps running, when its id was known.</summary>
    public string? PredictionId { get; }

    /// <summary>Whether a prediction may exist on the server (and be billed) after the cancellation.</summary>
    public bool PredictionMayExist { get; }
}
