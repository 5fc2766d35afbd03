namespace PhotonSdk.Cli.Output;

/// <summary>
/// Checks, before anything is submitted and billed, that images can be written where they are to go: the folder is
/// created if need be and a probe file is written and removed there.
/// </summary>
internal static class OutputPreflight
{
    /// <summary>
    /// Makes sure the folder of <paramref name="target"/> (a file, or a folder ending in a separator) can be written, and
    /// that a named file is not there already unless it may be replaced. Stdout (<c>-</c>) needs no check.
    /// </summary>
    /// <exception cref="ArgumentException">It cannot be written, or the file exists; the message says which and what to do.</exception>
    public static void EnsureWritable(string target, bool force = false)
    {
        if (target == Commands.CommonOptions.StandardOutput) return;
        if (!force && !Path.EndsInDirectorySeparator(target) && File.Exists(target))
            throw new ArgumentException($"{target} exists. Nothing was submitted or billed; pass --force to replace it, or choose another --out.");

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

    /// <summary>
    /// Before <c>photon get</c> saves a prediction's image into a folder under the prediction's id: an image of that
    /// name there is this prediction's, saved before, and is replaced only with <paramref name="force"/>.
    /// </summary>
    public static void EnsureNotSavedBefore(string target, string predictionId, bool force)
    {
        if (force || target == Commands.CommonOptions.StandardOutput) return;
        if (!Path.EndsInDirectorySeparator(target) && !Directory.Exists(target)) return;
        if (predictionId.Length == 0 || predictionId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0) return;
        foreach (var extension in SavedImageExtensions)
        {
            var file = Path.Combine(target, predictionId + extension);
            if (File.Exists(file))
            {
                throw new ArgumentException(
                    $"{file} exists: prediction {predictionId} was saved there before. Nothing was fetched; pass --force to save it again, or choose another --out.");
            }
        }
    }

    private static readonly string[] SavedImageExtensions = [".png", ".jpg", ".jpeg", ".webp"];
}
