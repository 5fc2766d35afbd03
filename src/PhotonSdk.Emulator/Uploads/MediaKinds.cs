namespace PhotonSdk.Emulator.Uploads;

/// <summary>Tells an upload's media type and kind (<c>image</c>, <c>video</c> or <c>audio</c>) from what the client says.</summary>
internal static class MediaKinds
{
    private static readonly Dictionary<string, string> ContentTypesByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".webp"] = "image/webp",
        [".gif"] = "image/gif",
        [".bmp"] = "image/bmp",
        [".mp4"] = "video/mp4",
        [".webm"] = "video/webm",
        [".mov"] = "video/quicktime",
        [".mp3"] = "audio/mpeg",
        [".wav"] = "audio/wav",
        [".ogg"] = "audio/ogg",
    };

    /// <summary>The media type the client gave, or the one its file name suggests.</summary>
    public static string ContentTypeOf(string fileName, string? declared) =>
        !string.IsNullOrWhiteSpace(declared) ? declared.Trim()
        : ContentTypesByExtension.GetValueOrDefault(Path.GetExtension(fileName)) ?? "application/octet-stream";

    /// <summary>The API's kind of media; anything not video or audio is treated as an image, the API's main input.</summary>
    public static string KindOf(string contentType) =>
        contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) ? "video"
        : contentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) ? "audio"
        : "image";
}
