namespace PhotonSdk;

/// <summary>How the server returns images.</summary>
public enum ImageResponseFormat
{
    /// <summary>A URL on WaveSpeed's CDN, kept for 7 days.</summary>
    Url,

    /// <summary>The image bytes, sent as base64 in the response (<c>enable_base64_output</c>); cannot be combined with a webhook.</summary>
    Data,
}
