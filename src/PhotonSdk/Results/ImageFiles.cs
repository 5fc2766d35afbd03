namespace PhotonSdk.Results;

/// <summary>
/// Saves an output image to a file: under a temporary name first, then moved into place. A failure after the
/// prediction was billed is a <see cref="PhotonImageSaveException"/> that carries the prediction id and the image URL.
/// </summary>
internal static class ImageFiles
{
    public static Task<string> SaveAsync(IPhotonClient client, ImageGenerationResult result, string path, CancellationToken cancellationToken) =>
        SaveAsync(client, result, path, overwrite: true, cancellationToken);

    /// <param name="client">The client that downloads the image.</param>
    /// <param name="result">The result.</param>
    /// <param name="path">A file or a folder.</param>
    /// <param name="overwrite">Whether an existing file may be replaced; when not, an existing file is a <see cref="PhotonImageSaveException"/>.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    public static async Task<string> SaveAsync(IPhotonClient client, ImageGenerationResult result, string path, bool overwrite, CancellationToken cancellationToken)
    {
        var (image, predictionId) = (result.Image, result.PredictionId);
        var isDirectory = Directory.Exists(path) || path.EndsWith(Path.DirectorySeparatorChar) || path.EndsWith(Path.AltDirectorySeparatorChar);
        // The id comes from the server: it may name a file in the caller's directory, never a path out of it.
        if (isDirectory && (predictionId is "." or ".." || predictionId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0))
            throw new ArgumentException($"The prediction id '{predictionId}' cannot name a file; pass a file path rather than a directory.", nameof(result));
        try
        {
            return await SaveCoreAsync(client, result, path, isDirectory, overwrite, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PhotonException && e is not PhotonImageSaveException)
        {
            var where = image.Url is { } url ? $"Its image stays at {url} for 7 days" : "Its image is in the result, as bytes";
            throw new PhotonImageSaveException(
                $"Prediction {predictionId} finished and is billed, but its image could not be saved to {path}: {e.Message.TrimEnd('.')}. {where}; fetch it again by the prediction id.",
                image.Url,
                path,
                e)
            {
                PredictionId = predictionId, ModelId = result.ModelId, StatusCode = (e as PhotonException)?.StatusCode,
            };
        }
    }

    private static async Task<string> SaveCoreAsync(
        IPhotonClient client, ImageGenerationResult result, string path, bool isDirectory, bool overwrite, CancellationToken cancellationToken)
    {
        var (image, predictionId) = (result.Image, result.PredictionId);
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
            var target = isDirectory ? Path.Combine(directory, predictionId + suffix + MediaTypes.Extension(mediaType)) : WithExtensionOf(Path.GetFullPath(path), mediaType);
            File.Move(temporary, target, overwrite);
            return target;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// A file name whose extension says what the bytes are: an image extension that names another type is replaced, and
    /// a name without an extension gets one; any other extension is the caller's choice and is kept.
    /// </summary>
    internal static string WithExtensionOf(string path, string? mediaType)
    {
        if (mediaType is null || MediaTypes.Extension(mediaType) is ".bin") return path;
        var named = MediaTypes.FromPath(path);
        var hasExtension = Path.HasExtension(path);
        if (named == mediaType || (hasExtension && named is null)) return path;
        return Path.ChangeExtension(path, MediaTypes.Extension(mediaType));
    }
}
