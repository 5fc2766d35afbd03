namespace PhotonSdk.Emulator.Catalog;

/// <summary>One property of a model's request schema, as far as input validation needs it.</summary>
/// <param name="Name">The JSON property name.</param>
/// <param name="JsonType">The JSON Schema type (<c>string</c>, <c>boolean</c>, ...), or null when the schema gives none.</param>
/// <param name="Required">Whether the schema lists the property as required.</param>
/// <param name="MinLength">The schema's <c>minLength</c> for strings, if any.</param>
internal sealed record InputField(string Name, string? JsonType, bool Required, int? MinLength);
