using PhotonSdk.Results;

namespace PhotonSdk;

/// <summary>Conveniences over any <see cref="IPhotonClient"/>, the SDK's own or a fake.</summary>
public static class PhotonClientExtensions
{
    /// <summary>A handle for a prediction submitted earlier, from its id alone. Sends nothing.</summary>
    /// <param name="client">The client that will read and wait on it.</param>
    /// <param name="predictionId">The prediction id.</param>
    /// <param name="modelId">The model id, when known.</param>
    /// <returns>The handle.</returns>
    /// <exception cref="ArgumentException">The id is empty or cannot be a prediction id.</exception>
    public static PredictionHandle GetPrediction(this IPhotonClient client, string predictionId, string? modelId = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        RequestValidator.ValidatePredictionId(predictionId, nameof(predictionId));
        return new PredictionHandle(client, predictionId, modelId, default);
    }

    /// <summary>Asks the client for a service of type <typeparamref name="T"/> (see <see cref="IPhotonClient.GetService"/>).</summary>
    /// <typeparam name="T">The type asked for.</typeparam>
    /// <param name="client">The client.</param>
    /// <returns>The service, or <see langword="null"/>.</returns>
    public static T? GetService<T>(this IPhotonClient client)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.GetService(typeof(T)) as T;
    }

    /// <summary>
    /// Saves a result's first image to a file, through the client's <see cref="IPhotonClient.DownloadAsync"/>. When
    /// <paramref name="path"/> is a directory (existing, or ending in a separator), the file is named after the
    /// prediction id with an extension from the media type. When it is a file whose extension names another image type
    /// (<c>fox.jpg</c> for PNG bytes), or has no extension, the extension is set to match the bytes, and the returned path
    /// says so; other extensions are kept. The file is written under a temporary name and moved into place, replacing an
    /// existing file, so a failed save leaves nothing half-written.
    /// </summary>
    /// <param name="client">The client that downloads the image.</param>
    /// <param name="result">The result.</param>
    /// <param name="path">A file path or a directory.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    /// <returns>The full path of the file written.</returns>
    /// <exception cref="PhotonImageSaveException">The image could not be downloaded or written; the exception carries the prediction id and the image URL.</exception>
    public static Task<string> SaveAsync(this IPhotonClient client, ImageGenerationResult result, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ImageFiles.SaveAsync(client, result, path, cancellationToken);
    }
}
