using System.Text.Json;
using PhotonSdk.Emulator.Catalog;

namespace PhotonSdk.Emulator.Predictions;

/// <summary>
/// Checks a submit body against the model's request schema from the spec: required fields (task code 1400) and JSON
/// types (1401). Properties the schema does not name are let through, as the schema allows additional properties.
/// </summary>
internal static class InputValidator
{
    public const string ImageField = "image";

    public static InputProblem? Validate(ModelDefinition model, JsonElement input)
    {
        foreach (var field in model.Inputs)
        {
            var present = input.TryGetProperty(field.Name, out var value) && value.ValueKind != JsonValueKind.Null;
            if (!present)
            {
                if (field.Required)
                {
                    return Missing(field.Name);
                }

                continue;
            }

            if (field.JsonType is { } type && !HasType(value, type))
            {
                return new InputProblem(TaskCodes.InvalidParameter, $"Invalid parameter: {field.Name} must be of type {type}.");
            }

            if (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()) && (field.Required || field.MinLength > 0))
            {
                // An empty prompt is treated as a missing one: there is nothing to generate from.
                return field.Required ? Missing(field.Name) : TooShort(field.Name);
            }

            if (value.ValueKind == JsonValueKind.String && field.MinLength is { } minLength && value.GetString()!.Length < minLength)
            {
                return TooShort(field.Name);
            }
        }

        return model.TakesInputImage ? ValidateImage(input) : null;
    }

    private static InputProblem? ValidateImage(JsonElement input)
    {
        if (!input.TryGetProperty(ImageField, out var image) || image.ValueKind == JsonValueKind.Null
            || (image.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(image.GetString())))
        {
            return Missing(ImageField);
        }

        return image.ValueKind == JsonValueKind.String
            && Uri.TryCreate(image.GetString(), UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                ? null
                : new InputProblem(TaskCodes.InvalidParameter, $"Invalid parameter: {ImageField} must be an http or https URL.");
    }

    private static InputProblem Missing(string name) =>
        new(TaskCodes.MissingParameter, $"Missing required parameter: {name}.");

    private static InputProblem TooShort(string name) =>
        new(TaskCodes.InvalidParameter, $"Invalid parameter: {name} is too short.");

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => true,
    };
}
