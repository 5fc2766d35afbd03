namespace PhotonSdk;

/// <summary>A file uploaded to WaveSpeed, usable as a model input for 7 days.</summary>
/// <remarks>Made by the client from what the server sends; tests create one with <see cref="PhotonModelFactory"/>.</remarks>
public sealed class UploadedMedia
{
    internal UploadedMedia(Uri downloadUrl, string fileName, long size, string? kind)
    {
        DownloadUrl = downloadUrl;
        FileName = fileName;
        Size = size;
        Kind = kind;
    }

    /// <summary>The URL to pass as a model input, e.g. <see cref="GenerationOptions.InputImage"/>.</summary>
    public Uri DownloadUrl { get; }

    /// <summary>The file name.</summary>
    public string FileName { get; }

    /// <summary>The size in bytes.</summary>
    public long Size { get; }

    /// <summary>What the server took it for: image, video or audio.</summary>
    public string? Kind { get; }
}
