namespace PhotonSdk;

/// <summary>A file uploaded to WaveSpeed, usable as a model input for 7 days.</summary>
/// <param name="DownloadUrl">The URL to pass as a model input, e.g. <see cref="GenerationOptions.InputImage"/>.</param>
/// <param name="FileName">The file name.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="Kind">What the server took it for: image, video or audio.</param>
public sealed record UploadedMedia(Uri DownloadUrl, string FileName, long Size, string? Kind);
