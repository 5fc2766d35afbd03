namespace PhotonSdk;

/// <summary>The API key was refused (HTTP 401 or 403). A new key answers 401 until the account has been topped up once.</summary>
public sealed class PhotonAuthenticationException : PhotonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public PhotonAuthenticationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
