namespace PhotonSdk.Generators;

/// <summary>One submit operation of the spec and the facts of the model it serves.</summary>
internal sealed record ModelSpec(
    string Id,
    decimal PriceUsd,
    string Tier,
    bool TakesInputImage,
    string OperationId,
    bool HasWebhookParameter,
    string RequestSchema,
    IReadOnlyDictionary<string, BodyProperty> RequestProperties);

/// <summary>A property of a submit request body, by its JSON name.</summary>
internal sealed record BodyProperty(string JsonName, string? Type, string? Format, bool Required);
