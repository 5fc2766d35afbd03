namespace PhotonSdk;

/// <summary>The server failed (HTTP 5xx, task codes 5000 and 5003) or answered with something unreadable. Usually transient.</summary>
public sealed class PhotonServerException : PhotonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public PhotonServerException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
