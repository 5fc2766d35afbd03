using Microsoft.Extensions.AI;

namespace PhotonSdk.Tests.AI;

/// <summary>A <see cref="GenerationOptions"/> from <see cref="ImageGenerationOptions.RawRepresentationFactory"/> is the base; the options fill only what it leaves unset.</summary>
public sealed class RawRepresentationFactoryTests
{
    [Fact]
    public async Task The_factorys_options_are_the_base()
    {
        using var harness = new GeneratorHarness();
        var webhook = new Uri("https://example.com/hooks/photon");

        await harness.GenerateAsync(new ImageGenerationOptions
        {
            RawRepresentationFactory = _ => new GenerationOptions { SyncMode = true, Webhook = webhook, WaitTimeout = TimeSpan.FromSeconds(30) },
            ModelId = "photon",
        });

        var sent = harness.SentOptions;
        Assert.True(sent.SyncMode);
        Assert.Equal(webhook, sent.Webhook);
        Assert.Equal(TimeSpan.FromSeconds(30), sent.WaitTimeout);
        Assert.Equal("luma/photon", sent.Model);
    }

    [Fact]
    public async Task The_factorys_model_wins_over_the_model_id()
    {
        using var harness = new GeneratorHarness(defaultModelId: "flash");

        await harness.GenerateAsync(new ImageGenerationOptions
        {
            RawRepresentationFactory = _ => new GenerationOptions { Model = "luma/photon" },
            ModelId = "flash",
        });

        Assert.Equal("luma/photon", harness.SentOptions.Model);
    }

    [Fact]
    public async Task The_factorys_intent_is_kept_and_no_model_is_added()
    {
        using var harness = new GeneratorHarness(defaultModelId: "flash");

        await harness.GenerateAsync(new ImageGenerationOptions
        {
            RawRepresentationFactory = _ => new GenerationOptions { Quality = PhotonQuality.Final },
            ModelId = "flash",
        });

        Assert.Equal(PhotonQuality.Final, harness.SentOptions.Quality);
        Assert.Null(harness.SentOptions.Model);
    }

    [Fact]
    public async Task The_factorys_data_format_is_kept_when_the_options_say_uri()
    {
        using var harness = new GeneratorHarness();

        var response = await harness.GenerateAsync(new ImageGenerationOptions
        {
            RawRepresentationFactory = _ => new GenerationOptions { ResponseFormat = ImageResponseFormat.Data },
            ResponseFormat = ImageGenerationResponseFormat.Uri,
        });

        Assert.Equal(ImageResponseFormat.Data, harness.SentOptions.ResponseFormat);
        Assert.IsType<DataContent>(Assert.Single(response.Contents));
    }

    [Fact]
    public async Task The_factory_gets_the_generator_and_its_object_is_not_changed()
    {
        using var harness = new GeneratorHarness();
        var raw = new GenerationOptions();
        IImageGenerator? seen = null;

        await harness.GenerateAsync(new ImageGenerationOptions
        {
            RawRepresentationFactory = generator =>
            {
                seen = generator;
                return raw;
            },
            ModelId = "photon",
            ResponseFormat = ImageGenerationResponseFormat.Data,
        });

        Assert.Same(harness.Generator, seen);
        Assert.Null(raw.Model);
        Assert.Equal(ImageResponseFormat.Url, raw.ResponseFormat);
        Assert.NotSame(raw, harness.SentOptions);
    }

    [Fact]
    public async Task Another_providers_options_are_ignored()
    {
        using var harness = new GeneratorHarness();

        await harness.GenerateAsync(new ImageGenerationOptions { RawRepresentationFactory = _ => new object(), ModelId = "photon" });

        Assert.Equal("luma/photon", harness.SentOptions.Model);
    }

    [Fact]
    public async Task An_unknown_model_from_the_factory_throws_before_anything_is_sent()
    {
        using var harness = new GeneratorHarness();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.GenerateAsync(new ImageGenerationOptions
        {
            RawRepresentationFactory = _ => new GenerationOptions { Model = "dall-e-3" },
        }));

        Assert.Equal(0, harness.Client.SentCount);
    }
}
