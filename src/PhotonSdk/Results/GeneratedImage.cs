namespace PhotonSdk;

/// <summary>
/// One output image: a URL on WaveSpeed's CDN (kept 7 days) or the image bytes, never silently one for the other.
/// Save either kind with <see cref="PhotonClient.SaveAsync"/> or <see cref="PhotonClient.DownloadAsync"/>.
/// </summary>
public sealed class GeneratedImage
{
    /// <summary>Creates an image output; mainly for tests that fake the client.</summary>
    /// <param name="index">The output's position in the prediction's outputs.</param>
    /// <param name="url">The image URL, for URL outputs.</param>
    /// <param name="data">The image bytes, for data outputs.</param>
    /// <param name="mediaType">The media type, e.g. <c>image/png</c>, when known.</param>
    /// <param name="isNsfw">Whether the server flagged the image as not safe for work.</param>
    public GeneratedImage(int index, Uri? url, ReadOnlyMemory<byte>? data, string? mediaType, bool isNsfw)
    {
        if ((url is null) == (data is null)) throw new ArgumentException("An image has either a URL or data, and not both.", nameof(url));
        Index = index;
        Url = url;
        Data = data;
        MediaType = mediaType;
        IsNsfw = isNsfw;
    }

    /// <summary>The output's position in the prediction's outputs.</summary>
    public int Index { get; }

    /// <summary>The image URL, for <see cref="ImageResponseFormat.Url"/> outputs.</summary>
    public Uri? Url { get; }

    /// <summary>The image bytes, for <see cref="ImageResponseFormat.Data"/> outputs.</summary>
    public ReadOnlyMemory<byte>? Data { get; }

    /// <summary>
    /// The media type: sniffed from the bytes for data outputs, guessed from the URL's extension for URL outputs
    /// (<see langword="null"/> when it has none).
    /// </summary>
    public string? MediaType { get; }

    /// <summary>Whether the server flagged the image as not safe for work.</summary>
    public bool IsNsfw { get; }

    /// <inheritdoc />
    public override string ToString() => Url?.ToString() ?? $"{MediaType ?? "data"} ({Data!.Value.Length} bytes)";
}
