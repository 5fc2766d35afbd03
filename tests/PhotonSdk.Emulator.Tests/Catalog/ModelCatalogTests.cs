using PhotonSdk.Emulator.Catalog;
using PhotonSdk.Emulator.Tests.Support;
using PhotonSdk.Spec;

namespace PhotonSdk.Emulator.Tests.Catalog;

public sealed class ModelCatalogTests
{
    [Fact]
    public void The_embedded_spec_gives_every_model_with_its_price_tier_and_inputs()
    {
        var catalog = ModelCatalog.LoadEmbedded();

        Assert.Equal(
            SpecModels.All.Select(m => (m.Path, m.Id, m.Price, m.TakesImage)),
            catalog.Models.Select(m => (m.Path, m.Id, m.PriceUsd, m.TakesInputImage)));
        Assert.True(catalog.TryGetByPath("luma/photon-flash", out var flash));
        Assert.Equal("flash", flash.Tier);
        Assert.True(catalog.TryGetByPath("luma/photon", out var photon));
        Assert.Equal("standard", photon.Tier);
        // The request schema is a $ref to components/schemas: its properties come through resolved.
        Assert.Contains(new InputField("prompt", "string", Required: true, MinLength: 1), flash.Inputs);
        Assert.Contains(new InputField("enable_sync_mode", "boolean", Required: false, MinLength: null), flash.Inputs);
    }

    [Theory]
    [InlineData("price-usd")]
    [InlineData("tier")]
    [InlineData("id")]
    [InlineData("input-image")]
    public void A_model_missing_a_fact_is_refused_naming_its_operation(string fact)
    {
        var spec = WithoutFact(SpecModels.SpecText(), "luma/photon", fact);

        var error = Assert.Throws<SpecException>(() => ModelCatalog.Parse(spec));

        Assert.Contains("POST /luma/photon (createLumaPhoton)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{fact}' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tier_other_than_flash_or_standard_is_refused()
    {
        var spec = SpecModels.SpecText().Replace("tier: flash", "tier: turbo", StringComparison.Ordinal);

        var error = Assert.Throws<SpecException>(() => ModelCatalog.Parse(spec));

        Assert.Contains("(createLumaPhotonFlash): tier 'turbo' must be flash or standard", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The spec with one line of a model's <c>x-wavespeed-model</c> extension taken out.</summary>
    private static string WithoutFact(string spec, string modelId, string fact)
    {
        var lines = spec.Split('\n').ToList();
        var id = lines.FindIndex(line => line.Trim() == $"id: {modelId}");
        Assert.True(id > 0 && lines[id - 1].Trim() == "x-wavespeed-model:", $"the spec declares {modelId} in an x-wavespeed-model extension");
        var indent = lines[id][..^lines[id].TrimStart().Length];
        var end = lines.FindIndex(id, l => !l.StartsWith(indent, StringComparison.Ordinal));
        var factLine = lines.FindIndex(id, end - id, l => l.Trim().StartsWith(fact + ":", StringComparison.Ordinal));
        Assert.True(factLine >= 0, $"{modelId} declares {fact}");
        lines.RemoveAt(factLine);
        return string.Join('\n', lines);
    }
}
