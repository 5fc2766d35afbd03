namespace PhotonSdk;

/// <summary>How a model trades speed and price against quality.</summary>
public enum PhotonModelTier
{
    /// <summary>Fastest and cheapest; good for drafts.</summary>
    Flash,

    /// <summary>Higher quality, slower and dearer; good for final images.</summary>
    Standard,
}
