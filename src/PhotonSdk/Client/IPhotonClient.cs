namespace PhotonSdk;

/// <summary>
/// Generates images with WaveSpeedAI's Luma Photon models. <see cref="PhotonClient"/> is the implementation; the
/// interface lets applications fake it in their tests.
/// </summary>
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

    /// <summary>A handle for a prediction submitted earlier, from its id alone. Sends nothing.</summary>
    /// <param name="predictionId">The prediction id.</param>
    /// <param name="modelId">The model id, when known.</param>
    /// <returns>The handle.</returns>
    PredictionHandle GetPrediction(string predictionId, string? modelId = null);

    /// <summary>Waits for a prediction to finish.</summary>
    /// <param name="prediction">The prediction.</param>
    /// <param name="options">Polling overrides (<see cref="GenerationOptions.WaitTimeout"/>); defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the waiting (not the prediction).</param>
    /// <returns>The completed prediction.</returns>
    Task<ImageGenerationResult> WaitForCompletionAsync(PredictionHandle prediction, GenerationOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Uploads a file for use as a model input (two-step ticket and PUT; the legacy multipart upload where tickets are not offered).</summary>
    /// <param name="content">The file's bytes, read from the current position.</param>
    /// <param name="fileName">The file name, e.g. <c>cat.png</c>.</param>
    /// <param name="contentType">The media type; guessed from the file name when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <returns>The uploaded file and its download URL.</returns>
    Task<UploadedMedia> UploadAsync(Stream content, string fileName, string? contentType = null, CancellationToken cancellationToken = default);

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
}
