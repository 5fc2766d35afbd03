namespace PhotonSdk.Routing;

/// <summary>Picks the model for a call: the one named, else the one its quality calls for, else the client's default.</summary>
internal static class ModelRouter
{
    public static PhotonModel Route(GenerationOptions options, RoutingOptions routing) =>
        Route(options.Model, options.Quality, PhotonModels.Get(routing.DefaultModel, nameof(options)), options.InputImage is not null, nameof(options));

    /// <summary>
    /// The one routing rule, for the client and every adapter: a named model is used as it is; a quality picks its
    /// model, the modify one when an image is given; otherwise the default model, swapped for the modify model of its
    /// quality when an image is given (or the other way round). Whether the model then fits the image is the
    /// validator's to say.
    /// </summary>
    public static PhotonModel Route(string? model, PhotonQuality? quality, PhotonModel defaultModel, bool modifiesImage, string paramName)
    {
        if (model is not null && quality is not null)
            throw new ArgumentException("Set either options.Model or options.Quality, not both.", paramName);
        if (model is not null) return PhotonModels.Get(model, paramName);
        if (quality is { } chosen) return PhotonModels.ForQuality(chosen, modifiesImage, paramName);

        return defaultModel.TakesInputImage == modifiesImage ? defaultModel : PhotonModels.Find(defaultModel.Quality, modifiesImage) ?? defaultModel;
    }

    /// <summary>
    /// A model chosen by an adapter's own setting (M.E.AI's <c>ModelId</c>): itself, or, when an image is given and it
    /// only generates from text, the modify model of its quality.
    /// </summary>
    public static PhotonModel WithImage(PhotonModel model, bool modifiesImage) =>
        modifiesImage && !model.TakesInputImage ? PhotonModels.Find(model.Quality, takesInputImage: true) ?? model : model;

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
