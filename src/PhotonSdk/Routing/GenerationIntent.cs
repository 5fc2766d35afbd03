namespace PhotonSdk;

/// <summary>What an image is for; the client routes it to a model tier.</summary>
public enum GenerationIntent
{
    /// <summary>A quick draft: routed to the flash tier (Photon Flash).</summary>
    Draft,

    /// <summary>A final image: routed to the standard tier (Photon).</summary>
    Final,
}
