namespace PhotonSdk;

/// <summary>
/// The one choice between Photon's two kinds of model, in one vocabulary everywhere: a call asks for a quality
/// (<see cref="GenerationOptions.Quality"/>), a model has one (<see cref="PhotonModel.Quality"/>), the aliases are
/// <c>draft</c> and <c>final</c>, and the agent tools' <c>quality</c> parameter takes the same two words.
/// </summary>
public enum PhotonQuality
{
    /// <summary>A quick draft: Photon Flash, fastest and cheapest.</summary>
    Draft,

    /// <summary>A final image: Photon, higher quality, slower and dearer.</summary>
    Final,
}
