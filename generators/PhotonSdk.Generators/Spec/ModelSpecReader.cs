using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace PhotonSdk.Spec;

/// <summary>
/// Reads the submit operations that carry <c>x-wavespeed-model</c> from the OpenAPI spec, with Microsoft.OpenApi. The
/// build-time catalog generator and the emulator (which links this file) share this one reader, so they accept and
/// refuse the same specs: a model that lacks a fact is an error naming its operation, never a default.
/// </summary>
internal static class ModelSpecReader
{
    public const string ModelExtension = "x-wavespeed-model";

    /// <summary>Reads every model of a spec.</summary>
    /// <param name="specText">The spec, as YAML (or JSON).</param>
    /// <returns>The models, in spec order.</returns>
    /// <exception cref="SpecException">The spec cannot be read, or a model is described incompletely or twice.</exception>
    public static IReadOnlyList<ModelSpec> Read(string specText)
    {
        ArgumentNullException.ThrowIfNull(specText);
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var result = OpenApiDocument.Parse(specText, OpenApiConstants.Yaml, settings);
        if (result.Diagnostic?.Errors is { Count: > 0 } errors)
        {
            throw new SpecException($"the spec is not valid OpenAPI: {string.Join("; ", errors.Select(e => e.ToString()))}");
        }

        if (result.Document?.Paths is not { Count: > 0 } paths)
        {
            throw new SpecException("the spec has no paths");
        }

        var models = new List<ModelSpec>();
        foreach (var (path, pathItem) in paths)
        {
            foreach (var (method, operation) in pathItem.Operations ?? [])
            {
                if (operation.Extensions is not null && operation.Extensions.TryGetValue(ModelExtension, out var extension))
                {
                    models.Add(ReadModel(path, method, operation, extension));
                }
            }
        }

        if (models.Count == 0)
        {
            throw new SpecException($"no operation carries {ModelExtension}");
        }

        var duplicate = models.GroupBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? models : throw new SpecException($"model id '{duplicate.Key}' is declared twice");
    }

    private static ModelSpec ReadModel(string path, HttpMethod method, OpenApiOperation operation, IOpenApiExtension extension)
    {
        var where = operation.OperationId is { Length: > 0 } named ? $"{method.Method} {path} ({named})" : $"{method.Method} {path}";
        if (method != HttpMethod.Post)
        {
            throw new SpecException($"{where}: {ModelExtension} belongs on a submit (POST) operation");
        }

        var facts = (extension as JsonNodeExtension)?.Node as JsonObject
            ?? throw new SpecException($"{where}: {ModelExtension} must be a mapping of id, price-usd, tier and input-image");

        string Required(string key) =>
            Scalar(facts, key) ?? throw new SpecException($"{where}: {ModelExtension} '{key}' is missing");

        var id = Required("id");
        var priceText = Required("price-usd");
        if (!decimal.TryParse(priceText, NumberStyles.Float, CultureInfo.InvariantCulture, out var price) || price < 0)
        {
            throw new SpecException($"{where}: price-usd '{priceText}' is not a non-negative number");
        }

        var tier = Required("tier");
        if (tier is not ("flash" or "standard"))
        {
            throw new SpecException($"{where}: tier '{tier}' must be flash or standard");
        }

        var inputImageText = Required("input-image");
        if (!bool.TryParse(inputImageText, out var takesImage))
        {
            throw new SpecException($"{where}: input-image '{inputImageText}' must be true or false");
        }

        decimal? typicalSeconds = null;
        if (Scalar(facts, "typical-seconds") is { } typicalText)
        {
            // Optional, unlike the facts above: without it the SDK simply has no prior for the model's duration.
            if (!decimal.TryParse(typicalText, NumberStyles.Float, CultureInfo.InvariantCulture, out var typical) || typical <= 0 || typical > 3600)
            {
                throw new SpecException($"{where}: typical-seconds '{typicalText}' must be a number of seconds above 0 and at most 3600");
            }

            typicalSeconds = typical;
        }

        var operationId = operation.OperationId is { Length: > 0 } ? operation.OperationId : throw new SpecException($"{where}: operationId is missing");
        var body = operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var media) ? media.Schema : null;
        if (body is not OpenApiSchemaReference { Reference.Id: { Length: > 0 } schemaName } reference)
        {
            throw new SpecException($"{where}: the request body must be a $ref to a schema in components/schemas");
        }

        if (reference.Target is null)
        {
            throw new SpecException($"{where}: schema '{schemaName}' is not defined");
        }

        var required = reference.Required ?? new HashSet<string>();
        var properties = new Dictionary<string, BodyProperty>(StringComparer.Ordinal);
        foreach (var (name, property) in reference.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            properties[name] = new BodyProperty(name, TypeName(property.Type), property.Format, required.Contains(name), property.MinLength);
        }

        var hasWebhook = operation.Parameters?.Any(p => string.Equals(p.Name, "webhook", StringComparison.Ordinal)) == true;
        return new ModelSpec(id, path, price, tier, takesImage, operationId, hasWebhook, schemaName, properties, typicalSeconds);
    }

    /// <summary>A scalar of the extension as text, whether YAML gave it as a string, a number or a boolean.</summary>
    private static string? Scalar(JsonObject facts, string key) =>
        facts[key] is JsonValue value
            ? value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
                _ => null,
            }
            : null;

    /// <summary>The JSON Schema type name (<c>string</c>, <c>boolean</c>, ...), leaving out <c>null</c>.</summary>
    private static string? TypeName(JsonSchemaType? type) =>
        type is { } known ? OpenApiTypeMapper.ToIdentifiers(known).FirstOrDefault(name => name != "null") : null;
}
