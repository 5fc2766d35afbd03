namespace PhotonSdk.Cli.Output;

/// <summary>
/// Checks, before anything is submitted and billed, that images can be written where they are to go: the folder is
/// created if need be and a probe file is written and removed there.
/// </summary>
internal static class OutputPreflight
{
    /// <summary>Makes sure the folder of <paramref name="target"/> (a file, or a folder ending in a separator) can be written.</summary>
    /// <exception cref="ArgumentException">It cannot; the message names the folder and the reason.</exception>
    public static void EnsureWritable(string target)
    {
        var folder = Path.EndsInDirectorySeparator(target) || Directory.Exists(target) ? target : Path.GetDirectoryName(Path.GetFullPath(target))!;
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".photon-write-check-{Guid.NewGuid():N}");
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException(
                $"Cannot write images to {folder.TrimEnd(Path.DirectorySeparatorChar)}: {e.Message.TrimEnd('.')}. Nothing was submitted or billed; choose another --out.");
        }
    }
}
