namespace PhotonSdk;

/// <summary>The prediction ended without outputs: failed, cancelled, timed out on the server, or deleted.</summary>
public sealed class PhotonPredictionFailedException : PhotonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, with the server's error text.</param>
    /// <param name="status">The terminal status.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public PhotonPredictionFailedException(string message, PredictionStatus status, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
    }

    /// <summary>The terminal status the prediction reached.</summary>
    public PredictionStatus Status { get; }

    /// <summary>The server's error text for the prediction.</summary>
    public string? ServerError { get; init; }
}
