namespace PhotonSdk;

/// <summary>The prompt or an output was refused by content moderation (task code 1200). Rephrase the prompt.</summary>
public sealed class PhotonContentModerationException : PhotonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public PhotonContentModerationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
