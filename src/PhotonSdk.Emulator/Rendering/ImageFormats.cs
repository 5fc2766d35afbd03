namespace PhotonSdk.Emulator.Rendering;

/// <summary>The file extension and media type of each output format.</summary>
internal static class ImageFormats
{
    public static string Extension(EmulatorImageFormat format) => format == EmulatorImageFormat.Jpeg ? "jpg" : "png";

    public static string MediaType(EmulatorImageFormat format) => format == EmulatorImageFormat.Jpeg ? "image/jpeg" : "image/png";
}
