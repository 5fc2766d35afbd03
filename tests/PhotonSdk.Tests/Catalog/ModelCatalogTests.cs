using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Snapshooter.Xunit;

namespace PhotonSdk.Tests.Catalog;

public sealed class ModelCatalogTests
{
    /// <summary>Reads the models straight from the spec, independently of the generator that built the catalog.</summary>
    private static List<(string Id, decimal Price, string Tier, bool InputImage, string OperationId, TimeSpan? Typical)> SpecModels()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var document = OpenApiDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Spec", "wavespeed.yaml")), "yaml", settings).Document!;
        var models = new List<(string, decimal, string, bool, string, TimeSpan?)>();
        foreach (var path in document.Paths.Values)
        {
            foreach (var operation in path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                if (operation.Extensions is null || !operation.Extensions.TryGetValue("x-wavespeed-model", out var extension)) continue;
                var model = (JsonObject)((JsonNodeExtension)extension).Node;
                models.Add(((string)model["id"]!, decimal.Parse(model["price-usd"]!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
                    (string)model["tier"]!, (bool)model["input-image"]!, operation.OperationId!,
                    model["typical-seconds"] is { } typical ? TimeSpan.FromSeconds(double.Parse(typical.ToJsonString(), CultureInfo.InvariantCulture)) : null));
            }
        }

        return models;
    }

    [Fact]
    public void The_catalog_lists_exactly_the_models_of_the_spec_with_their_ids_prices_and_typical_durations()
    {
        var spec = SpecModels();
        var catalog = PhotonModels.All
            .Select(m => (m.Id, m.PricePerImageUsd, m.Quality == PhotonQuality.Draft ? "flash" : "standard", m.TakesInputImage, m.SubmitOperationId, m.TypicalDuration))
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
        Snapshot.Match(PhotonModels.All.Select(m => new
        {
            m.Id, m.Name, m.PricePerImageUsd, Quality = m.Quality.ToString(), m.TakesInputImage, m.SubmitOperationId, TypicalSeconds = m.TypicalDuration?.TotalSeconds,
        }));
}
