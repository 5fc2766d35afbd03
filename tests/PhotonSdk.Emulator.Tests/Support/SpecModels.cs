using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace PhotonSdk.Emulator.Tests.Support;

/// <summary>The models the spec declares, read from openapi/wavespeed.yaml without the emulator's help.</summary>
public static class SpecModels
{
    public sealed record SpecModel(string Path, string Id, decimal Price, bool TakesImage);

    public static IReadOnlyList<SpecModel> All { get; } = Load();

    public static IEnumerable<object[]> Paths => All.Select(m => new object[] { m.Path });

    public static SpecModel ByPath(string path) => All.Single(m => m.Path == path);

    /// <summary>The text of the spec the tests run against.</summary>
    public static string SpecText() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "wavespeed.yaml"));

    private static List<SpecModel> Load()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var document = OpenApiDocument.Parse(SpecText(), "yaml", settings).Document!;
        var models = new List<SpecModel>();
        foreach (var (path, item) in document.Paths)
        {
            if (item.Operations is not null
                && item.Operations.TryGetValue(HttpMethod.Post, out var post)
                && post.Extensions is not null
                && post.Extensions.TryGetValue("x-wavespeed-model", out var extension))
            {
                var model = (JsonObject)((JsonNodeExtension)extension).Node;
                models.Add(new SpecModel(
                    path.TrimStart('/'),
                    (string)model["id"]!,
                    decimal.Parse(model["price-usd"]!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
                    (bool)model["input-image"]!));
            }
        }

        return models;
    }
}
