namespace PhotonSdk;

/// <summary>The server refused the request's input (HTTP 400, 413, or task codes 1400, 1401, 1402). Fix the input; sending it again will fail again.</summary>
public sealed class PhotonInvalidRequestException : PhotonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public PhotonInvalidRequestException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
