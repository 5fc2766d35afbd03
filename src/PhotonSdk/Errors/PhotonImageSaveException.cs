namespace PhotonSdk;

/// <summary>
/// A finished prediction's image could not be saved (the download failed, or the file could not be written). The
/// prediction is billed and its output is kept by WaveSpeed for 7 days: <see cref="PhotonException.PredictionId"/> and
/// <see cref="ImageUrl"/> fetch it again.
/// </summary>
public sealed class PhotonImageSaveException : PhotonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and how to fetch the image again.</param>
    /// <param name="imageUrl">Where the image is served, when it came as a URL.</param>
    /// <param name="path">The file or folder it was to be saved to.</param>
    /// <param name="innerException">The download or file system error.</param>
    public PhotonImageSaveException(string message, Uri? imageUrl, string path, Exception? innerException = null)
        : base(message, innerException)
    {
        ImageUrl = imageUrl;
        Path = path;
    }

    /// <summary>Where the image is served (for 7 days), when the prediction returned a URL rather than bytes.</summary>
    public Uri? ImageUrl { get; }

    /// <summary>The file or folder the image was to be saved to.</summary>
    public string Path { get; }
}
