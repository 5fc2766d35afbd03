namespace PhotonSdk;

/// <summary>A webhook request failed verification: its signature, timestamp or headers are wrong. Do not trust its body.</summary>
public sealed class PhotonWebhookException : PhotonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the request.</param>
    public PhotonWebhookException(string message)
        : base(message)
    {
    }
}
