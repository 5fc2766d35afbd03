using PhotonSdk.Spec;

namespace PhotonSdk.Emulator.Catalog;

/// <summary>
/// The models of the spec embedded in this assembly. Reading them from the spec rather than from code means a model
/// path added to the spec is served without any change here. The spec is read by the same reader as the SDK's
/// build-time catalog (<see cref="ModelSpecReader"/>), so a model that lacks its price or tier is refused here too.
/// </summary>
internal sealed class ModelCatalog
{
    private const string ResourceName = "wavespeed.yaml";

    /// <summary>The embedded spec never changes, so it is read once per process, not once per emulator.</summary>
    private static readonly Lazy<ModelCatalog> Embedded = new(ReadEmbedded);

    private readonly Dictionary<string, ModelDefinition> _byPath;

    private ModelCatalog(Dictionary<string, ModelDefinition> byPath) => _byPath = byPath;

    /// <summary>Every model, in spec order.</summary>
    public IReadOnlyCollection<ModelDefinition> Models => _byPath.Values;

    /// <summary>Finds the model whose submit path (without a leading slash) is <paramref name="path"/>.</summary>
    public bool TryGetByPath(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelDefinition? model) =>
        _byPath.TryGetValue(path, out model);

    /// <summary>The catalog of the spec embedded in this assembly.</summary>
    public static ModelCatalog LoadEmbedded() => Embedded.Value;

    /// <summary>Reads the catalog from the text of an OpenAPI 3 document.</summary>
    /// <exception cref="SpecException">A model is described incompletely; the message names its operation.</exception>
    public static ModelCatalog Parse(string specText)
    {
        var models = new Dictionary<string, ModelDefinition>(StringComparer.Ordinal);
        foreach (var model in ModelSpecReader.Read(specText))
        {
            var path = model.Path.TrimStart('/');
            var inputs = model.RequestProperties.Values.Select(p => new InputField(p.JsonName, p.Type, p.Required, p.MinLength)).ToList();
            models[path] = new ModelDefinition(model.Id, path, model.PriceUsd, model.Tier, model.TakesInputImage, inputs);
        }

        return new ModelCatalog(models);
    }

    private static ModelCatalog ReadEmbedded()
    {
        using var stream = typeof(ModelCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from the emulator assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
