using PhotonSdk.Results;

namespace PhotonSdk.Cli.Commands;

/// <summary>
/// An image given to modify (<c>--image</c>) or to upload: an http(s) URL as it is, or a local file that is checked
/// (it exists, is not empty, and is a PNG, JPEG or WebP by its content) before anything is sent.
/// </summary>
internal static class InputImage
{
    private static readonly string[] Accepted = [MediaTypes.Png, MediaTypes.Jpeg, MediaTypes.Webp];

    /// <summary>The URL, when the argument is one.</summary>
    public static Uri? AsUrl(string argument) =>
        Uri.TryCreate(argument, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) ? url : null;

    /// <summary>Checks a local image file and returns its media type, read from its first bytes.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="ArgumentException">It is empty, or not an image the API takes.</exception>
    public static async Task<string> CheckFileAsync(string path, string shownAs, string notDone, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No file '{shownAs}'. {notDone}", path);
        var head = new byte[16];
        int read;
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        }

        if (read == 0) throw new ArgumentException($"{shownAs} is empty. {notDone}");
        var mediaType = MediaTypes.Sniff(head.AsSpan(0, read));
        if (!Accepted.Contains(mediaType)) throw new ArgumentException($"{shownAs} is not a PNG, JPEG or WebP image. {notDone}");
        return mediaType;
    }
}
