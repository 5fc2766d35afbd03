namespace PhotonSdk.Cli.Tests.Infrastructure;

public static class Images
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.Length > 100 && bytes.AsSpan().StartsWith(PngMagic);
    }
}
