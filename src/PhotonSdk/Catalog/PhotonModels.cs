using System.Diagnostics.CodeAnalysis;

namespace PhotonSdk;

/// <summary>
/// The catalog of models. The models themselves (<see cref="PhotonFlash"/>, <see cref="Photon"/> and the rest, and
/// <see cref="All"/>) are generated from the spec; this part resolves ids and aliases.
/// </summary>
public static partial class PhotonModels
{
    /// <summary>The alias for the flash-tier text-to-image model.</summary>
    public const string FlashAlias = "flash";

    /// <summary>The alias for the standard-tier text-to-image model.</summary>
    public const string PhotonAlias = "photon";

    /// <summary>Finds a model by its id (<c>luma/photon-flash</c>), its name (<c>PhotonFlash</c>) or an alias (<c>flash</c>, <c>photon</c>).</summary>
    /// <param name="idOrAlias">The id, name or alias; case-insensitive.</param>
    /// <param name="model">The model, when found.</param>
    /// <returns>Whether a model was found.</returns>
    public static bool TryFind(string? idOrAlias, [NotNullWhen(true)] out PhotonModel? model)
    {
        model = null;
        if (string.IsNullOrWhiteSpace(idOrAlias)) return false;
        var key = idOrAlias.Trim();
        if (key.Equals(FlashAlias, StringComparison.OrdinalIgnoreCase)) return (model = ForTier(PhotonModelTier.Flash, takesInputImage: false)) is not null;
        if (key.Equals(PhotonAlias, StringComparison.OrdinalIgnoreCase)) return (model = ForTier(PhotonModelTier.Standard, takesInputImage: false)) is not null;
        foreach (var candidate in All)
        {
            if (candidate.Id.Equals(key, StringComparison.OrdinalIgnoreCase) || candidate.Name.Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                model = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds a model by its id, name or alias, or throws.</summary>
    /// <param name="idOrAlias">The id, name or alias; case-insensitive.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">No model has that id, name or alias; the message lists the known ids.</exception>
    public static PhotonModel Get(string idOrAlias) => Get(idOrAlias, nameof(idOrAlias));

    /// <summary>Finds a model or throws an exception that names the caller's parameter.</summary>
    internal static PhotonModel Get(string? idOrAlias, string paramName) =>
        TryFind(idOrAlias, out var model)
            ? model
            : throw new ArgumentException(
                $"Unknown model '{idOrAlias}'. Known models: {string.Join(", ", All.Select(m => m.Id))}; aliases: {FlashAlias}, {PhotonAlias}.",
                paramName);

    /// <summary>The first model of a tier and capability, in the spec's order; <see langword="null"/> when the spec declares none.</summary>
    internal static PhotonModel? ForTier(PhotonModelTier tier, bool takesInputImage) =>
        All.FirstOrDefault(m => m.Tier == tier && m.TakesInputImage == takesInputImage);

    /// <summary>
    /// The model an intent calls for: <see cref="GenerationIntent.Draft"/> the flash tier, <see cref="GenerationIntent.Final"/>
    /// the standard tier; the modify model of that tier when an input image is given. This is the rule
    /// <see cref="GenerationOptions.Intent"/> follows, for callers that need the model before they submit (to price it).
    /// </summary>
    /// <param name="intent">Draft or final.</param>
    /// <param name="modifiesImage">Whether the call modifies an input image.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">The spec declares no such model.</exception>
    public static PhotonModel ForIntent(GenerationIntent intent, bool modifiesImage = false)
    {
        var tier = intent == GenerationIntent.Final ? PhotonModelTier.Standard : PhotonModelTier.Flash;
        return ForTier(tier, modifiesImage)
            ?? throw new ArgumentException($"The spec declares no {tier}-tier model {(modifiesImage ? "that modifies images" : "for text to image")}.", nameof(intent));
    }
}
