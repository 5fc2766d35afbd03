namespace PhotonSdk;

/// <summary>The server knows no prediction with the id (HTTP 404). Predictions are kept for 7 days.</summary>
public sealed class PhotonPredictionNotFoundException : PhotonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public PhotonPredictionNotFoundException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
