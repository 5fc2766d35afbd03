namespace PhotonSdk;

/// <summary>
/// Generates images with WaveSpeedAI's Luma Photon models. <see cref="PhotonClient"/> is the implementation; a fake
/// implementation can stand in for it in tests, down to the handles it mints (<see cref="PhotonModelFactory"/>).
/// </summary>
/// <remarks>
/// The interface holds the operations that need I/O and nothing else, as Microsoft.Extensions.AI's interfaces do:
/// conveniences built from them (<see cref="PhotonClientExtensions.GetPrediction"/>,
/// <see cref="PhotonClientExtensions.SaveAsync"/>, typed <see cref="PhotonClientExtensions.GetService{T}"/>) are
/// extension methods, and further capabilities are reached through <see cref="GetService"/> (the REST client, the
/// default model), so that adding one later breaks no implementer. An interface was chosen over virtual methods on
/// <see cref="PhotonClient"/> because the agent adapters, dependency injection and users' fakes all depend on the
/// abstraction, never on the class.
/// </remarks>
public interface IPhotonClient
{
    /// <summary>Submits a prediction and waits for its image.</summary>
    /// <param name="prompt">What to generate.</param>
    /// <param name="options">Model, output format, sync mode and the like; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the call. A prediction already submitted keeps running and is billed; the
    /// <see cref="PhotonCanceledException"/> carries its id.</param>
    /// <returns>The completed prediction.</returns>
    /// <exception cref="ArgumentException">The input is invalid; nothing was sent.</exception>
    /// <exception cref="PhotonException">The call failed; the exception's type says how.</exception>
    Task<ImageGenerationResult> GenerateAsync(string prompt, GenerationOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Submits a prediction and returns at once with its handle; the id is known from then on.</summary>
    /// <param name="prompt">What to generate.</param>
    /// <param name="options">Model, output format, sync mode and the like; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the submit request.</param>
    /// <returns>The handle of the new prediction.</returns>
    Task<PredictionHandle> SubmitAsync(string prompt, GenerationOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a prediction's current status once.</summary>
    /// <param name="prediction">The prediction.</param>
    /// <param name="cancellationToken">Stops the request (not the prediction).</param>
    /// <returns>The status.</returns>
    Task<PredictionStatus> UpdateStatusAsync(PredictionHandle prediction, CancellationToken cancellationToken = default);

    /// <summary>Waits for a prediction to finish.</summary>
    /// <param name="prediction">The prediction.</param>
    /// <param name="timeout">The bound on the wait; the client's polling timeout when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the waiting (not the prediction).</param>
    /// <returns>The completed prediction.</returns>
    /// <exception cref="PhotonWaitTimeoutException">The bound was reached; the prediction may still finish.</exception>
    Task<ImageGenerationResult> WaitForCompletionAsync(PredictionHandle prediction, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Uploads a file for use as a model input (two-step ticket and PUT; the legacy multipart upload where tickets are not offered).</summary>
    /// <param name="content">The file's bytes, read from the current position.</param>
    /// <param name="fileName">The file name, e.g. <c>cat.png</c>.</param>
    /// <param name="contentType">The media type; guessed from the file name when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <returns>The uploaded file and its download URL.</returns>
    Task<UploadedMedia> UploadAsync(Stream content, string fileName, string? contentType = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes an image to a stream: its bytes, or what its URL serves (http(s) only, within the client's size and time
    /// bounds). Failures carry the prediction id when it is known.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    /// <returns>The media type of what was written, when known.</returns>
    Task<string?> DownloadAsync(GeneratedImage image, Stream destination, CancellationToken cancellationToken = default);

    /// <summary>Reads the account balance.</summary>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The balance in US dollars.</returns>
    Task<decimal> GetBalanceAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads a page of the prediction history (the last 7 days, newest first).</summary>
    /// <param name="query">The page and filters; the first page of 20 when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The page.</returns>
    Task<PredictionHistoryPage> GetHistoryAsync(PredictionHistoryQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes predictions and their outputs; unknown ids are ignored.</summary>
    /// <param name="predictionIds">The ids.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>How many predictions were deleted.</returns>
    Task<int> DeletePredictionsAsync(IEnumerable<string> predictionIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks for a service the client offers beyond this interface: <see cref="Rest.WaveSpeedRestClient"/> (the REST API
    /// with the client's key and policy), <see cref="PhotonModel"/> (the default model), or the client itself.
    /// </summary>
    /// <param name="serviceType">The type asked for.</param>
    /// <param name="serviceKey">A key for the service; the client offers no keyed services.</param>
    /// <returns>The service, or <see langword="null"/> when there is none.</returns>
    object? GetService(Type serviceType, object? serviceKey = null);
}
