using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace PhotonSdk.Generators;

/// <summary>Finds the submit operations that carry <c>x-wavespeed-model</c> and reads what the catalog needs.</summary>
internal static class ModelSpecReader
{
    public const string ModelExtension = "x-wavespeed-model";

    public static IReadOnlyList<ModelSpec> Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var paths = Map(root, "paths") ?? throw new SpecException("the spec has no paths");
        var schemas = Map(Map(root, "components"), "schemas");
        var parameters = Map(Map(root, "components"), "parameters");

        var models = new List<ModelSpec>();
        foreach (var (pathKey, pathNode) in paths.Children)
        {
            if (pathNode is not YamlMappingNode pathItem) continue;
            foreach (var (methodKey, operationNode) in pathItem.Children)
            {
                if (operationNode is not YamlMappingNode operation) continue;
                var extension = Map(operation, ModelExtension);
                if (extension is null) continue;

                var where = $"{((YamlScalarNode)methodKey).Value} {((YamlScalarNode)pathKey).Value}";
                models.Add(ReadModel(where, operation, extension, schemas, parameters));
            }
        }

        if (models.Count == 0) throw new SpecException($"no operation carries {ModelExtension}");
        var duplicate = models.GroupBy(m => m.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new SpecException($"model id '{duplicate.Key}' is declared twice");
        return models;
    }

    private static ModelSpec ReadModel(
        string where, YamlMappingNode operation, YamlMappingNode extension, YamlMappingNode? schemas, YamlMappingNode? parameters)
    {
        string Required(YamlMappingNode node, string key, string what) =>
            Scalar(node, key) ?? throw new SpecException($"{where}: {what} '{key}' is missing");

        var id = Required(extension, "id", ModelExtension);
        var priceText = Required(extension, "price-usd", ModelExtension);
        if (!decimal.TryParse(priceText, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) || price < 0)
            throw new SpecException($"{where}: price-usd '{priceText}' is not a non-negative number");

        var tier = Required(extension, "tier", ModelExtension);
        if (tier is not ("flash" or "standard"))
            throw new SpecException($"{where}: tier '{tier}' must be flash or standard");

        var inputImageText = Required(extension, "input-image", ModelExtension);
        if (!bool.TryParse(inputImageText, out var takesImage))
            throw new SpecException($"{where}: input-image '{inputImageText}' must be true or false");

        var operationId = Required(operation, "operationId", "operation");
        var schemaRef = Scalar(Map(Map(Map(Map(operation, "requestBody"), "content"), "application/json"), "schema"), "$ref")
            ?? throw new SpecException($"{where}: the request body must be a $ref to a schema in components/schemas");
        var schemaName = schemaRef[(schemaRef.LastIndexOf('/') + 1)..];
        var schema = Map(schemas, schemaName) ?? throw new SpecException($"{where}: schema '{schemaName}' is not defined");

        var required = Sequence(schema, "required").Select(n => ((YamlScalarNode)n).Value!).ToHashSet(StringComparer.Ordinal);
        var properties = new Dictionary<string, BodyProperty>(StringComparer.Ordinal);
        foreach (var (nameNode, propertyNode) in Map(schema, "properties")?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var name = ((YamlScalarNode)nameNode).Value!;
            var property = (YamlMappingNode)propertyNode;
            properties[name] = new BodyProperty(name, Scalar(property, "type"), Scalar(property, "format"), required.Contains(name));
        }

        var hasWebhook = Sequence(operation, "parameters").OfType<YamlMappingNode>().Any(p =>
            Scalar(p, "name") == "webhook" ||
            (Scalar(p, "$ref") is { } reference && Scalar(Map(parameters, reference[(reference.LastIndexOf('/') + 1)..]), "name") == "webhook"));

        return new ModelSpec(id, price, tier, takesImage, operationId, hasWebhook, schemaName, properties);
    }

    private static YamlMappingNode? Map(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as YamlMappingNode : null;

    private static string? Scalar(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (child as YamlScalarNode)?.Value : null;

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlSequenceNode sequence
            ? sequence.Children
            : [];
}
