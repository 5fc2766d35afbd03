using System.Diagnostics.CodeAnalysis;

namespace PhotonSdk;

/// <summary>
/// The catalog of models. The models themselves (<see cref="PhotonFlash"/>, <see cref="Photon"/> and the rest, and
/// <see cref="All"/>) are generated from the spec; this part resolves ids and aliases.
/// </summary>
public static partial class PhotonModels
{
    /// <summary>The alias for the draft text-to-image model (Photon Flash).</summary>
    public const string DraftAlias = "draft";

    /// <summary>The alias for the final text-to-image model (Photon).</summary>
    public const string FinalAlias = "final";

    /// <summary>
    /// Finds a model by its id (<c>luma/photon-flash</c>), its name (<c>PhotonFlash</c>, <c>Photon</c>), an alias
    /// (<c>draft</c>, <c>final</c>), or <c>flash</c>, the short name of Photon Flash.
    /// </summary>
    /// <param name="idOrAlias">The id, name or alias; case-insensitive.</param>
    /// <param name="model">The model, when found.</param>
    /// <returns>Whether a model was found.</returns>
    public static bool TryFind(string? idOrAlias, [NotNullWhen(true)] out PhotonModel? model)
    {
        model = null;
        if (string.IsNullOrWhiteSpace(idOrAlias)) return false;
        var key = idOrAlias.Trim();
        if (key.Equals(DraftAlias, StringComparison.OrdinalIgnoreCase) || key.Equals(FlashShortName, StringComparison.OrdinalIgnoreCase))
            return (model = Find(PhotonQuality.Draft, takesInputImage: false)) is not null;
        if (key.Equals(FinalAlias, StringComparison.OrdinalIgnoreCase)) return (model = Find(PhotonQuality.Final, takesInputImage: false)) is not null;
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

    // "Photon" is Photon's name; Photon Flash's is "PhotonFlash", which nobody types.
    private const string FlashShortName = "flash";

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
                $"Unknown model '{idOrAlias}'. Known models: {string.Join(", ", All.Select(m => m.Id))}; aliases: {DraftAlias}, {FinalAlias}.",
                paramName);

    /// <summary>The first model of a quality and capability, in the spec's order; <see langword="null"/> when the spec declares none.</summary>
    internal static PhotonModel? Find(PhotonQuality quality, bool takesInputImage) =>
        All.FirstOrDefault(m => m.Quality == quality && m.TakesInputImage == takesInputImage);

    /// <summary>
    /// The model a quality calls for: Photon Flash for <see cref="PhotonQuality.Draft"/>, Photon for
    /// <see cref="PhotonQuality.Final"/>; the modify model of that quality when an input image is given. This is the
    /// rule <see cref="GenerationOptions.Quality"/> follows, for callers that need the model before they submit (to
    /// price it).
    /// </summary>
    /// <param name="quality">Draft or final.</param>
    /// <param name="modifiesImage">Whether the call modifies an input image.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">The spec declares no such model.</exception>
    public static PhotonModel ForQuality(PhotonQuality quality, bool modifiesImage = false) => ForQuality(quality, modifiesImage, nameof(quality));

    /// <summary>The model a quality calls for, or an exception that names the caller's parameter.</summary>
    internal static PhotonModel ForQuality(PhotonQuality quality, bool modifiesImage, string paramName) =>
        Find(quality, modifiesImage)
            ?? throw new ArgumentException($"The spec declares no {quality.ToString().ToLowerInvariant()} model {(modifiesImage ? "that modifies images" : "for text to image")}.", paramName);
}
