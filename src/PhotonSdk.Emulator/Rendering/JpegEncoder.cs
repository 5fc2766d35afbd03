using StbImageWriteSharp;

namespace PhotonSdk.Emulator.Rendering;

/// <summary>
/// Writes a <see cref="PixelCanvas"/> as a baseline JPEG with StbImageWriteSharp, a managed port of stb_image_write:
/// public domain, about 40 KB, no dependencies and no native code, and its output depends only on the pixels and the
/// quality. It only ever encodes pixels the emulator drew, so no untrusted input reaches it. ImageSharp 2.1 (Apache-2.0)
/// encodes faster, but is 1.7 MB, asks every consumer of the emulator package to accept its licence, and its next
/// major version is under a paid licence; JpegLibrary leaves colour conversion and block layout to the caller.
/// </summary>
internal static class JpegEncoder
{
    // At 90 and below stb subsamples the colour 4:2:0; text stays sharp in the full-resolution luminance.
    private const int Quality = 90;

    public static byte[] Encode(PixelCanvas canvas)
    {
        // Sized for a typical image (40 to 60 KB), so that the stream seldom grows.
        using var output = new MemoryStream(canvas.Height * canvas.Stride / 16);
        new ImageWriter().WriteJpg(canvas.AsArray(), canvas.Width, canvas.Height, ColorComponents.RedGreenBlue, output, Quality);
        return output.ToArray();
    }
}
