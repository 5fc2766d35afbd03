namespace PhotonSdk;

/// <summary>
/// The wait for a prediction reached its bound before the prediction finished. The prediction may still finish and
/// is billed if it does: resume with <see cref="PhotonException.PredictionId"/>.
/// </summary>
public sealed class PhotonWaitTimeoutException : PhotonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and how to resume.</param>
    /// <param name="lastStatus">The last status seen.</param>
    /// <param name="waited">How long the SDK waited.</param>
    public PhotonWaitTimeoutException(string message, PredictionStatus lastStatus, TimeSpan waited)
        : base(message)
    {
        LastStatus = lastStatus;
        Waited = waited;
    }

    /// <summary>The last status seen before the bound was reached.</summary>
    public PredictionStatus LastStatus { get; }

    /// <summary>How long the SDK waited.</summary>
    public TimeSpan Waited { get; }
}
