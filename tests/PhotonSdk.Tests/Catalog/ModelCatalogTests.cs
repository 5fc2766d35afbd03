using System.Globalization;
using Snapshooter.Xunit;
using YamlDotNet.RepresentationModel;

namespace PhotonSdk.Tests.Catalog;

public sealed class ModelCatalogTests
{
    /// <summary>Reads the models straight from the spec, independently of the generator that built the catalog.</summary>
    private static List<(string Id, decimal Price, string Tier, bool InputImage, string OperationId)> SpecModels()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Spec", "wavespeed.yaml"))));
        var paths = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["paths"];
        var models = new List<(string, decimal, string, bool, string)>();
        foreach (var path in paths.Children.Values.Cast<YamlMappingNode>())
        {
            foreach (var operation in path.Children.Values.OfType<YamlMappingNode>())
            {
                if (!operation.Children.TryGetValue("x-wavespeed-model", out var node)) continue;
                var model = (YamlMappingNode)node;
                string S(string key) => ((YamlScalarNode)model[key]).Value!;
                models.Add((S("id"), decimal.Parse(S("price-usd"), CultureInfo.InvariantCulture), S("tier"), bool.Parse(S("input-image")),
                    ((YamlScalarNode)operation["operationId"]).Value!));
            }
        }

        return models;
    }

    [Fact]
    public void The_catalog_lists_exactly_the_models_of_the_spec_with_their_ids_and_prices()
    {
        var spec = SpecModels();
        var catalog = PhotonModels.All
            .Select(m => (m.Id, m.PricePerImageUsd, m.Quality == PhotonQuality.Draft ? "flash" : "standard", m.TakesInputImage, m.SubmitOperationId))
            .ToList();

        Assert.NotEmpty(spec);
        Assert.Equal(spec, catalog);
    }

    [Fact]
    public void Photon_flash_and_photon_cost_what_WaveSpeed_charges()
    {
        Assert.Equal(0.005m, PhotonModels.PhotonFlash.PricePerImageUsd);
        Assert.Equal(0.015m, PhotonModels.Photon.PricePerImageUsd);
        Assert.Same(PhotonModels.PhotonFlash, PhotonModels.Get("flash"));
        Assert.Same(PhotonModels.Photon, PhotonModels.Get("PHOTON"));
        Assert.Same(PhotonModels.PhotonModify, PhotonModels.Find(PhotonQuality.Final, takesInputImage: true));
    }

    [Fact]
    public void An_unknown_model_names_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => PhotonModels.Get("luma/photon-ultra", "model"));
        Assert.Equal("model", error.ParamName);
        Assert.Contains("luma/photon-flash", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_snapshot() =>
        Snapshot.Match(PhotonModels.All.Select(m => new { m.Id, m.Name, m.PricePerImageUsd, Quality = m.Quality.ToString(), m.TakesInputImage, m.SubmitOperationId }));
}
