namespace PhotonSdk;

/// <summary>
/// The submit request may or may not have created a prediction: the connection broke or timed out after the request
/// was sent, or the answer could not be read. The SDK does not send it again, because a second request could create
/// (and bill) a second prediction. Check the history before submitting again.
/// </summary>
public sealed class PhotonSubmissionUncertainException : PhotonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to check.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public PhotonSubmissionUncertainException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
