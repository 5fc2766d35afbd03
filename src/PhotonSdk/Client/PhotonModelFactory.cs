namespace PhotonSdk;

/// <summary>
/// Creates the SDK's result and server-data types for tests and fakes. Their constructors are internal so that fields
/// can be added without breaking callers; every parameter here is optional, so adding one breaks nothing either.
/// </summary>
public static class PhotonModelFactory
{
    /// <summary>A handle that belongs to <paramref name="client"/>: reading and waiting on it go through that client.</summary>
    /// <param name="client">The client the handle belongs to, typically a fake.</param>
    /// <param name="id">The prediction id.</param>
    /// <param name="modelId">The model id, when known.</param>
    /// <param name="status">The last status seen.</param>
    /// <returns>The handle.</returns>
    public static PredictionHandle PredictionHandle(IPhotonClient client, string id, string? modelId = null, PredictionStatus status = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new PredictionHandle(client, id, modelId, status);
    }

    /// <summary>A completed prediction.</summary>
    /// <param name="predictionId">The prediction id.</param>
    /// <param name="modelId">The model that served it.</param>
    /// <param name="images">Its images; one image at a placeholder URL when <see langword="null"/>.</param>
    /// <param name="costUsd">What it cost; the model's price per image when <see langword="null"/> and the model is known.</param>
    /// <param name="timings">Its timings; none from the server and no time elapsed when <see langword="null"/>.</param>
    /// <param name="pollCount">How many result reads the wait took.</param>
    /// <param name="requestedModelId">The model first asked for, when a fallback served it.</param>
    /// <returns>The result.</returns>
    public static ImageGenerationResult ImageGenerationResult(
        string predictionId = "prediction-1",
        string modelId = "luma/photon-flash",
        IReadOnlyList<GeneratedImage>? images = null,
        decimal? costUsd = null,
        PredictionTimings? timings = null,
        int pollCount = 1,
        string? requestedModelId = null)
    {
        images ??= [GeneratedImage(predictionId, url: new Uri($"https://example.invalid/{Uri.EscapeDataString(predictionId)}.png"), mediaType: "image/png")];
        costUsd ??= PhotonModels.TryFind(modelId, out var model) ? model.PricePerImageUsd * images.Count : null;
        return new ImageGenerationResult(predictionId, modelId, images, costUsd, timings ?? PredictionTimings(), pollCount, requestedModelId);
    }

    /// <summary>One output image: give either <paramref name="url"/> or <paramref name="data"/>.</summary>
    /// <param name="predictionId">The prediction that made it.</param>
    /// <param name="index">Its position in the prediction's outputs.</param>
    /// <param name="url">Its URL.</param>
    /// <param name="data">Its bytes.</param>
    /// <param name="mediaType">Its media type, e.g. <c>image/png</c>.</param>
    /// <param name="isNsfw">Whether the server flagged it.</param>
    /// <returns>The image.</returns>
    /// <exception cref="ArgumentException">Both or neither of <paramref name="url"/> and <paramref name="data"/> are given.</exception>
    public static GeneratedImage GeneratedImage(
        string? predictionId = null, int index = 0, Uri? url = null, ReadOnlyMemory<byte>? data = null, string? mediaType = null, bool isNsfw = false) =>
        new(predictionId, index, url, data, mediaType, isNsfw);

    /// <summary>How long a prediction took.</summary>
    /// <param name="createdAt">When the server created it.</param>
    /// <param name="inference">The server's inference time.</param>
    /// <param name="execution">The server's execution time.</param>
    /// <param name="elapsed">The client's time from submit to result.</param>
    /// <returns>The timings.</returns>
    public static PredictionTimings PredictionTimings(DateTimeOffset? createdAt = null, TimeSpan? inference = null, TimeSpan? execution = null, TimeSpan elapsed = default) =>
        new(createdAt, inference, execution, elapsed);

    /// <summary>A prediction as the history lists it.</summary>
    /// <param name="id">The prediction id.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="status">The status.</param>
    /// <param name="createdAt">When it was created.</param>
    /// <param name="outputs">Its outputs; none when <see langword="null"/>.</param>
    /// <param name="error">The server's error text.</param>
    /// <param name="executionTime">The server's execution time.</param>
    /// <param name="input">The input the server echoed, a JSON object such as <c>{"prompt": "…"}</c>; none when <see langword="null"/>.</param>
    /// <returns>The summary.</returns>
    public static PredictionSummary PredictionSummary(
        string id = "prediction-1", string? modelId = null, PredictionStatus status = default, DateTimeOffset? createdAt = null,
        IReadOnlyList<string>? outputs = null, string? error = null, TimeSpan? executionTime = null, System.Text.Json.JsonElement? input = null) =>
        new(id, modelId, status, createdAt, outputs ?? [], error, executionTime, input);

    /// <summary>A page of the history.</summary>
    /// <param name="items">The predictions on it; none when <see langword="null"/>.</param>
    /// <param name="page">The page number.</param>
    /// <param name="total">How many match in all.</param>
    /// <returns>The page.</returns>
    public static PredictionHistoryPage PredictionHistoryPage(IReadOnlyList<PredictionSummary>? items = null, int page = 1, int? total = null) =>
        new(page, total, items ?? []);

    /// <summary>An uploaded file.</summary>
    /// <param name="downloadUrl">Its URL.</param>
    /// <param name="fileName">Its name.</param>
    /// <param name="size">Its size in bytes.</param>
    /// <param name="kind">What the server took it for.</param>
    /// <returns>The uploaded file.</returns>
    public static UploadedMedia UploadedMedia(Uri downloadUrl, string fileName = "input.png", long size = 0, string? kind = "image")
    {
        ArgumentNullException.ThrowIfNull(downloadUrl);
        return new UploadedMedia(downloadUrl, fileName, size, kind);
    }
}
