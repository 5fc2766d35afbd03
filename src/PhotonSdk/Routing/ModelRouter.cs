namespace PhotonSdk.Routing;

/// <summary>Picks the model for a call: the one named, else the one its intent calls for, else the client's default.</summary>
internal static class ModelRouter
{
    public static PhotonModel Route(GenerationOptions options, RoutingOptions routing)
    {
        var needsImage = options.InputImage is not null;
        if (options.Model is not null) return PhotonModels.Get(options.Model, nameof(options));

        if (options.Intent is { } intent)
        {
            var tier = intent == GenerationIntent.Final ? PhotonModelTier.Standard : PhotonModelTier.Flash;
            return PhotonModels.ForTier(tier, needsImage)
                ?? throw new ArgumentException($"The spec declares no {tier}-tier model {(needsImage ? "that modifies images" : "for text to image")}.", nameof(options));
        }

        var fallbackDefault = PhotonModels.Get(routing.DefaultModel, nameof(options));
        return fallbackDefault.TakesInputImage == needsImage
            ? fallbackDefault
            : PhotonModels.ForTier(fallbackDefault.Tier, needsImage) ?? fallbackDefault;
    }

    /// <summary>The flash-tier model that can stand in for an overloaded standard-tier one, if the policy allows it.</summary>
    public static PhotonModel? FallbackFor(PhotonModel model, RoutingOptions routing) =>
        routing.FallbackToFlashWhenOverloaded && model.Tier == PhotonModelTier.Standard
            ? PhotonModels.ForTier(PhotonModelTier.Flash, model.TakesInputImage)
            : null;
}
