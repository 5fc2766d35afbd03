namespace PhotonSdk.Results;

/// <summary>
/// Media types of images. WaveSpeed's base64 outputs are bare, with no <c>data:</c> prefix, so the type is read from the
/// bytes' magic numbers.
/// </summary>
internal static class MediaTypes
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Webp = "image/webp";
    public const string Gif = "image/gif";
    public const string Unknown = "application/octet-stream";

    public static string Sniff(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8)) return Webp;
        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8)) return Gif;
        return Unknown;
    }

    /// <summary>The media type that a path's extension names, if it is an image's.</summary>
    public static string? FromPath(ReadOnlySpan<char> path)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".png", StringComparison.OrdinalIgnoreCase)) return Png;
        if (extension.Equals(".jpg", StringComparison.OrdinalIgnoreCase) || extension.Equals(".jpeg", StringComparison.OrdinalIgnoreCase)) return Jpeg;
        if (extension.Equals(".webp", StringComparison.OrdinalIgnoreCase)) return Webp;
        if (extension.Equals(".gif", StringComparison.OrdinalIgnoreCase)) return Gif;
        return null;
    }

    public static string Extension(string? mediaType) => mediaType switch
    {
        Png => ".png",
        Jpeg => ".jpg",
        Webp => ".webp",
        Gif => ".gif",
        _ => ".bin",
    };
}
