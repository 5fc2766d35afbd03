using System.Globalization;

namespace PhotonSdk;

/// <summary>
/// A model the SDK can submit to, with the facts the spec declares for it. Instances come from <see cref="PhotonModels"/>,
/// which is generated from <c>openapi/wavespeed.yaml</c> at build time.
/// </summary>
public sealed class PhotonModel
{
    internal PhotonModel(
        string id, string name, decimal pricePerImageUsd, PhotonQuality quality, bool takesInputImage, bool acceptsWebhook, string submitOperationId, TimeSpan? typicalDuration = null)
    {
        Id = id;
        Name = name;
        PricePerImageUsd = pricePerImageUsd;
        Quality = quality;
        TakesInputImage = takesInputImage;
        AcceptsWebhook = acceptsWebhook;
        SubmitOperationId = submitOperationId;
        TypicalDuration = typicalDuration;
    }

    /// <summary>The model id as WaveSpeed names it, e.g. <c>luma/photon-flash</c>.</summary>
    public string Id { get; }

    /// <summary>The short name of the model, e.g. <c>PhotonFlash</c>.</summary>
    public string Name { get; }

    /// <summary>What one image costs, in US dollars.</summary>
    public decimal PricePerImageUsd { get; }

    /// <summary>Whether the model is the draft one (fast and cheap) or the final one (higher quality).</summary>
    public PhotonQuality Quality { get; }

    /// <summary>Whether the model modifies an input image (and requires one) rather than generating from text alone.</summary>
    public bool TakesInputImage { get; }

    /// <summary>Whether a submit to this model can name a webhook that the server calls when the prediction finishes.</summary>
    public bool AcceptsWebhook { get; }

    /// <summary>
    /// About how long one prediction takes from submit to completed, when the spec says; <see langword="null"/> when it
    /// does not. It is where <see cref="PollingOptions.ExpectedDurations"/> starts, before a client has timed the model.
    /// </summary>
    public TimeSpan? TypicalDuration { get; }

    /// <summary>The spec's <c>operationId</c> of the operation that submits to this model.</summary>
    internal string SubmitOperationId { get; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Id} ({Quality}, {PricePerImageUsd} USD/image)");
}
