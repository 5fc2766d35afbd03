namespace PhotonSdk.Orleans;

/// <summary>What a job generates: one image from a prompt.</summary>
[GenerateSerializer]
[Immutable]
[Alias("PhotonSdk.Orleans.PhotonImageJobRequest")]
public sealed class PhotonImageJobRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="prompt">What to generate.</param>
    /// <param name="model">The model: an id (<c>luma/photon</c>), a name or an alias; the client's default model when <see langword="null"/>.</param>
    public PhotonImageJobRequest(string prompt, string? model = null)
    {
        Prompt = prompt;
        Model = model;
    }

    /// <summary>What to generate.</summary>
    [Id(0)]
    public string Prompt { get; }

    /// <summary>The model asked for; the client's default model when <see langword="null"/>.</summary>
    [Id(1)]
    public string? Model { get; }
}
