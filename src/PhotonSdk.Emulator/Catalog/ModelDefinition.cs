namespace PhotonSdk.Emulator.Catalog;

/// <summary>A model served by the emulator, read from a submit operation's <c>x-wavespeed-model</c> extension.</summary>
/// <param name="Id">The model id, e.g. <c>luma/photon-flash</c>.</param>
/// <param name="Path">The submit path under <c>/api/v3/</c>, without a leading slash.</param>
/// <param name="PriceUsd">The price of one image in USD.</param>
/// <param name="Tier">The model's tier (<c>flash</c> or <c>standard</c>), which sets its default latency.</param>
/// <param name="TakesInputImage">Whether the model edits an input image given as <c>image</c>.</param>
/// <param name="Inputs">The properties of the request schema.</param>
internal sealed record ModelDefinition(
    string Id,
    string Path,
    decimal PriceUsd,
    string Tier,
    bool TakesInputImage,
    IReadOnlyList<InputField> Inputs);
