using YamlDotNet.RepresentationModel;

namespace PhotonSdk.Emulator.Tests.Support;

/// <summary>The models the spec declares, read from openapi/wavespeed.yaml without the emulator's help.</summary>
public static class SpecModels
{
    public sealed record SpecModel(string Path, string Id, decimal Price, bool TakesImage);

    public static IReadOnlyList<SpecModel> All { get; } = Load();

    public static IEnumerable<object[]> Paths => All.Select(m => new object[] { m.Path });

    public static SpecModel ByPath(string path) => All.Single(m => m.Path == path);

    private static List<SpecModel> Load()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "wavespeed.yaml")))
        {
            yaml.Load(reader);
        }

        var paths = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["paths"];
        var models = new List<SpecModel>();
        foreach (var (key, item) in paths.Children)
        {
            if (item is YamlMappingNode operations
                && operations.Children.TryGetValue(new YamlScalarNode("post"), out var post)
                && ((YamlMappingNode)post).Children.TryGetValue(new YamlScalarNode("x-wavespeed-model"), out var extension))
            {
                var model = (YamlMappingNode)extension;
                models.Add(new SpecModel(
                    ((YamlScalarNode)key).Value!.TrimStart('/'),
                    ((YamlScalarNode)model["id"]).Value!,
                    decimal.Parse(((YamlScalarNode)model["price-usd"]).Value!, System.Globalization.CultureInfo.InvariantCulture),
                    ((YamlScalarNode)model["input-image"]).Value == "true"));
            }
        }

        return models;
    }
}
