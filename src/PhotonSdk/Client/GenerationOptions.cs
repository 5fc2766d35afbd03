namespace PhotonSdk;

/// <summary>Per-call choices for generating an image. Every property is optional.</summary>
public sealed class GenerationOptions
{
    /// <summary>The model: an id (<c>luma/photon</c>), a name (<c>Photon</c>) or an alias (<c>draft</c>, <c>final</c>). Set this or <see cref="Quality"/>, not both.</summary>
    public string? Model { get; set; }

    /// <summary>What the image is for: <see cref="PhotonQuality.Draft"/> goes to Photon Flash, <see cref="PhotonQuality.Final"/> to Photon.</summary>
    public PhotonQuality? Quality { get; set; }

    /// <summary>The image to modify (an absolute http(s) URL, e.g. an upload's download URL); routes to a modify model.</summary>
    public Uri? InputImage { get; set; }

    /// <summary>URL outputs (default) or image bytes.</summary>
    public ImageResponseFormat ResponseFormat { get; set; } = ImageResponseFormat.Url;

    /// <summary>
    /// Ask the server to hold the submit request until the image is ready. When the server's sync window passes first
    /// (task code 5004), the SDK falls back to polling.
    /// </summary>
    public bool SyncMode { get; set; }

    /// <summary>An absolute http(s) URL that the server POSTs the finished prediction to. Cannot be combined with <see cref="ImageResponseFormat.Data"/>.</summary>
    public Uri? Webhook { get; set; }

    /// <summary>Overrides <see cref="PollingOptions.Timeout"/> for this call.</summary>
    public TimeSpan? WaitTimeout { get; set; }

    /// <summary>A copy; every property is a value or immutable, so a shallow copy is a deep one.</summary>
    internal GenerationOptions Clone() => (GenerationOptions)MemberwiseClone();
}
