namespace PhotonSdk.Cli.Output;

/// <summary>
/// A generated image saved to disk, in the shape <c>--json</c> prints: one object per image with the file's path, the
/// model that served it, the prediction id, the cost, the timings and the output URL (absent for base64 outputs).
/// </summary>
/// <param name="Path">The full path of the file written.</param>
/// <param name="Model">The id of the model that served the prediction.</param>
/// <param name="PredictionId">The prediction id.</param>
/// <param name="CostUsd">The price in US dollars, when the model is in the catalog.</param>
/// <param name="Timings">How long it took.</param>
/// <param name="Url">
/// The output's URL; <see langword="null"/> when the image came as bytes, or when it would not outlive the command (an
/// emulator inside this process).
/// </param>
internal sealed record SavedImage(string Path, string Model, string PredictionId, decimal? CostUsd, SavedImageTimings Timings, Uri? Url)
{
    public static SavedImage From(ImageGenerationResult result, string path, bool urlOutlivesCommand)
    {
        ArgumentNullException.ThrowIfNull(result);
        var timings = result.Timings;
        return new SavedImage(
            path,
            result.ModelId,
            result.PredictionId,
            result.CostUsd,
            new SavedImageTimings(
                timings.CreatedAt,
                timings.Inference?.TotalMilliseconds,
                timings.Execution?.TotalMilliseconds,
                timings.Elapsed.TotalMilliseconds),
            urlOutlivesCommand ? result.Image.Url : null);
    }
}
