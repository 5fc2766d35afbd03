namespace PhotonSdk.Spec;

/// <summary>One submit operation of the spec and the facts of the model it serves.</summary>
/// <param name="Id">The model id, e.g. <c>luma/photon-flash</c>.</param>
/// <param name="Path">The operation's path as the spec writes it, e.g. <c>/luma/photon-flash</c>.</param>
/// <param name="PriceUsd">The price of one image in USD.</param>
/// <param name="Tier"><c>flash</c> or <c>standard</c>.</param>
/// <param name="TakesInputImage">Whether the model edits an input image.</param>
/// <param name="OperationId">The operation's id.</param>
/// <param name="HasWebhookParameter">Whether the operation takes a <c>webhook</c> parameter.</param>
/// <param name="RequestSchema">The name of the request body's schema under <c>components/schemas</c>.</param>
/// <param name="RequestProperties">The properties of that schema by JSON name, in spec order.</param>
/// <param name="TypicalSeconds">About how long one prediction takes, when the spec says (<c>typical-seconds</c>).</param>
internal sealed record ModelSpec(
    string Id,
    string Path,
    decimal PriceUsd,
    string Tier,
    bool TakesInputImage,
    string OperationId,
    bool HasWebhookParameter,
    string RequestSchema,
    IReadOnlyDictionary<string, BodyProperty> RequestProperties,
    decimal? TypicalSeconds = null);

/// <summary>A property of a submit request body, by its JSON name.</summary>
/// <param name="JsonName">The JSON property name.</param>
/// <param name="Type">The JSON Schema type (<c>string</c>, <c>boolean</c>, ...), or null when the schema gives none.</param>
/// <param name="Format">The schema's <c>format</c>, if any.</param>
/// <param name="Required">Whether the schema lists the property as required.</param>
/// <param name="MinLength">The schema's <c>minLength</c>, if any.</param>
internal sealed record BodyProperty(string JsonName, string? Type, string? Format, bool Required, int? MinLength);
