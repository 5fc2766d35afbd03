namespace PhotonSdk;

/// <summary>How the client picks a model when a call does not name one, and what it does when that model is overloaded.</summary>
public sealed class RoutingOptions
{
    /// <summary>The model used when a call names neither a model nor a quality: an id, a name or an alias. Default <c>draft</c> (Photon Flash).</summary>
    [KnownModel]
    public string DefaultModel { get; set; } = PhotonModels.DraftAlias;

    /// <summary>
    /// Opt-in: when a standard-tier model is overloaded (its submit is answered 429 after retries, or its prediction
    /// fails with task code 5003, service unavailable), submit once more to the flash-tier model of the same kind. The
    /// result's <see cref="ImageGenerationResult.Model"/> says which model served. Default off.
    /// </summary>
    public bool FallbackToFlashWhenOverloaded { get; set; }

    /// <summary>A copy; every property is a value, so a shallow copy is a deep one.</summary>
    internal RoutingOptions Clone() => (RoutingOptions)MemberwiseClone();
}
