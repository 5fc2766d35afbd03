using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace PhotonSdk.Emulator.Catalog;

/// <summary>
/// The models of the spec embedded in this assembly. Reading them from the spec rather than from code means a model
/// path added to the spec is served without any change here.
/// </summary>
internal sealed class ModelCatalog
{
    private const string ResourceName = "wavespeed.yaml";
    private const string ModelExtension = "x-wavespeed-model";

    private readonly Dictionary<string, ModelDefinition> _byPath;

    private ModelCatalog(Dictionary<string, ModelDefinition> byPath) => _byPath = byPath;

    /// <summary>Every model, in spec order.</summary>
    public IReadOnlyCollection<ModelDefinition> Models => _byPath.Values;

    /// <summary>Finds the model whose submit path (without a leading slash) is <paramref name="path"/>.</summary>
    public bool TryGetByPath(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelDefinition? model) =>
        _byPath.TryGetValue(path, out model);

    /// <summary>Reads the catalog from the spec embedded in this assembly.</summary>
    public static ModelCatalog LoadEmbedded()
    {
        using var stream = typeof(ModelCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from the emulator assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    /// <summary>Reads the catalog from the text of an OpenAPI 3 document.</summary>
    public static ModelCatalog Parse(TextReader specText)
    {
        var yaml = new YamlStream();
        yaml.Load(specText);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var models = new Dictionary<string, ModelDefinition>(StringComparer.Ordinal);
        if (Child(root, "paths") is not YamlMappingNode paths)
        {
            return new ModelCatalog(models);
        }

        foreach (var (pathKey, pathItem) in paths.Children)
        {
            if (pathItem is not YamlMappingNode item
                || Child(item, "post") is not YamlMappingNode post
                || Child(post, ModelExtension) is not YamlMappingNode extension)
            {
                continue;
            }

            var path = ((YamlScalarNode)pathKey).Value!.TrimStart('/');
            var id = Scalar(extension, "id") ?? path;
            var price = decimal.Parse(Scalar(extension, "price-usd") ?? "0", NumberStyles.Float, CultureInfo.InvariantCulture);
            var tier = Scalar(extension, "tier") ?? "standard";
            var takesImage = string.Equals(Scalar(extension, "input-image"), "true", StringComparison.OrdinalIgnoreCase);
            models[path] = new ModelDefinition(id, path, price, tier, takesImage, ReadInputs(root, post));
        }

        return new ModelCatalog(models);
    }

    private static List<InputField> ReadInputs(YamlMappingNode root, YamlMappingNode operation)
    {
        var schema = Child(operation, "requestBody") is YamlMappingNode body
            && Child(body, "content") is YamlMappingNode content
            && Child(content, "application/json") is YamlMappingNode media
            && Child(media, "schema") is YamlMappingNode s
                ? Resolve(root, s)
                : null;
        if (schema is null || Child(schema, "properties") is not YamlMappingNode properties)
        {
            return [];
        }

        var required = Child(schema, "required") is YamlSequenceNode list
            ? list.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? "").ToHashSet(StringComparer.Ordinal)
            : [];
        var fields = new List<InputField>();
        foreach (var (nameNode, propertyNode) in properties.Children)
        {
            var name = ((YamlScalarNode)nameNode).Value!;
            var property = propertyNode is YamlMappingNode map ? Resolve(root, map) : null;
            var type = property is null ? null : Scalar(property, "type");
            int? minLength = property is not null && Scalar(property, "minLength") is { } min
                ? int.Parse(min, CultureInfo.InvariantCulture)
                : null;
            fields.Add(new InputField(name, type, required.Contains(name), minLength));
        }

        return fields;
    }

    private static YamlMappingNode? Resolve(YamlMappingNode root, YamlMappingNode node)
    {
        // Only local references (#/components/...) occur in the spec; a chain of them is followed to its end.
        for (var depth = 0; depth < 16 && Scalar(node, "$ref") is { } reference; depth++)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                return null;
            }

            YamlNode current = root;
            foreach (var segment in reference[2..].Split('/'))
            {
                if (current is not YamlMappingNode map || Child(map, segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)) is not { } next)
                {
                    return null;
                }

                current = next;
            }

            if (current is not YamlMappingNode resolved)
            {
                return null;
            }

            node = resolved;
        }

        return node;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;
}
