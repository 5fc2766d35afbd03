namespace PhotonSdk.Routing;

/// <summary>Picks the model for a call: the one named, else the one its quality calls for, else the client's default.</summary>
internal static class ModelRouter
{
    public static PhotonModel Route(GenerationOptions options, RoutingOptions routing)
    {
        var needsImage = options.InputImage is not null;
        if (options.Model is not null && options.Quality is not null)
            throw new ArgumentException("Set either options.Model or options.Quality, not both.", nameof(options));
        if (options.Model is not null) return PhotonModels.Get(options.Model, nameof(options));

        if (options.Quality is { } quality)
        {
            try
            {
                return PhotonModels.ForQuality(quality, needsImage);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException(e.Message, nameof(options));
            }
        }

        var fallbackDefault = PhotonModels.Get(routing.DefaultModel, nameof(options));
        return fallbackDefault.TakesInputImage == needsImage
            ? fallbackDefault
            : PhotonModels.Find(fallbackDefault.Quality, needsImage) ?? fallbackDefault;
    }

    /// <summary>The flash-tier model that can stand in for an overloaded standard-tier one, if the policy allows it.</summary>
    public static PhotonModel? FallbackFor(PhotonModel model, RoutingOptions routing) =>
        routing.FallbackToFlashWhenOverloaded && model.Quality == PhotonQuality.Final
            ? PhotonModels.Find(PhotonQuality.Draft, model.TakesInputImage)
            : null;

    /// <summary>
    /// Whether a wait ended on a prediction that failed with "service unavailable" (task code 5003): it provably no
    /// longer runs, so the fallback model may serve the prompt without a second bill.
    /// </summary>
    public static bool EndedOverloaded(PredictionHandle prediction, PhotonServerException error) =>
        prediction.Status == PredictionStatus.Failed && error.TaskCode == 5003;
}
