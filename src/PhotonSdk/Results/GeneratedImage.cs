using PhotonSdk.Results;

namespace PhotonSdk;

/// <summary>
/// One output image: a URL on WaveSpeed's CDN (kept 7 days) or the image bytes, never silently one for the other.
/// Save either kind with <see cref="PhotonClientExtensions.SaveAsync"/> or <see cref="IPhotonClient.DownloadAsync"/>.
/// </summary>
public sealed class GeneratedImage
{
    // A URL's media type is worked out when first asked for: reading the URL's path parses the rest of the URL, which
    // was nearly half the cost of mapping every result, for callers that never ask (PredictionBenchmarks).
    private string? _mediaType;
    private bool _mediaTypeKnown;

    internal GeneratedImage(string? predictionId, int index, Uri? url, ReadOnlyMemory<byte>? data, string? mediaType, bool isNsfw)
    {
        PredictionId = predictionId;
        if ((url is null) == (data is null)) throw new ArgumentException("An image has either a URL or data, and not both.", nameof(url));
        Index = index;
        Url = url;
        Data = data;
        _mediaType = mediaType;
        _mediaTypeKnown = true;
        IsNsfw = isNsfw;
    }

    /// <summary>An image at a URL whose media type is guessed from the URL's extension when first asked for.</summary>
    internal static GeneratedImage AtUrl(string? predictionId, int index, Uri url, bool isNsfw) =>
        new(predictionId, index, url, null, null, isNsfw) { _mediaTypeKnown = false };

    /// <summary>The output's position in the prediction's outputs.</summary>
    public int Index { get; }

    /// <summary>The prediction that made the image, so that a failed download or save can say which to fetch again.</summary>
    public string? PredictionId { get; }

    /// <summary>The image URL, for <see cref="ImageResponseFormat.Url"/> outputs.</summary>
    public Uri? Url { get; }

    /// <summary>The image bytes, for <see cref="ImageResponseFormat.Data"/> outputs.</summary>
    public ReadOnlyMemory<byte>? Data { get; }

    /// <summary>
    /// The media type: sniffed from the bytes for data outputs, guessed from the URL's extension for URL outputs
    /// (<see langword="null"/> when it has none).
    /// </summary>
    public string? MediaType
    {
        get
        {
            if (Volatile.Read(ref _mediaTypeKnown)) return _mediaType;
            _mediaType = MediaTypes.FromPath(Url!.AbsolutePath);
            Volatile.Write(ref _mediaTypeKnown, true);
            return _mediaType;
        }
    }

    /// <summary>Whether the server flagged the image as not safe for work.</summary>
    public bool IsNsfw { get; }

    /// <inheritdoc />
    public override string ToString() => Url?.ToString() ?? $"{MediaType ?? "data"} ({Data!.Value.Length} bytes)";
}
