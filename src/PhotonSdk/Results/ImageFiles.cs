namespace PhotonSdk.Results;

/// <summary>Saves an output image to a file: under a temporary name first, then moved into place.</summary>
internal static class ImageFiles
{
    public static async Task<string> SaveAsync(IPhotonClient client, ImageGenerationResult result, string path, CancellationToken cancellationToken)
    {
        var (image, predictionId) = (result.Image, result.PredictionId);
        var isDirectory = Directory.Exists(path) || path.EndsWith(Path.DirectorySeparatorChar) || path.EndsWith(Path.AltDirectorySeparatorChar);
        // The id comes from the server: it may name a file in the caller's directory, never a path out of it.
        if (isDirectory && (predictionId is "." or ".." || predictionId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0))
            throw new ArgumentException($"The prediction id '{predictionId}' cannot name a file; pass a file path rather than a directory.", nameof(result));
        var directory = Path.GetFullPath(isDirectory ? path : Path.GetDirectoryName(Path.GetFullPath(path))!);
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".photon-{Guid.NewGuid():N}.part");
        try
        {
            string? mediaType;
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                mediaType = await client.DownloadAsync(image, file, cancellationToken).ConfigureAwait(false);
            }

            var suffix = image.Index == 0 ? "" : $"-{image.Index}";
            var target = isDirectory ? Path.Combine(directory, predictionId + suffix + MediaTypes.Extension(mediaType)) : Path.GetFullPath(path);
            File.Move(temporary, target, overwrite: true);
            return target;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
