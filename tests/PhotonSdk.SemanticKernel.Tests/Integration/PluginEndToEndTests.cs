using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;

namespace PhotonSdk.SemanticKernel.Tests.Integration;

/// <summary>The plugin against the emulator: real submits, polls and images over HTTP.</summary>
[Collection(EmulatorGroup.Name)]
public sealed partial class PluginEndToEndTests
{
    private readonly EmulatorFixture _emulator;

    public PluginEndToEndTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
    }

    [Theory]
    [InlineData("draft", "luma/photon-flash", "0.005")]
    [InlineData("final", "luma/photon", "0.015")]
    public async Task Generate_image_returns_a_url_that_serves_the_image(string quality, string model, string cost)
    {
        using var client = _emulator.CreateClient();
        var kernel = Kernel.CreateBuilder().AddPhotonImageGeneration(client).Build();

        var reply = await kernel.InvokeAsync<string>("photon", "generate_image", new KernelArguments { ["prompt"] = "A red fox in fresh snow", ["quality"] = quality });

        var url = ReadyUrl().Match(reply!).Groups["url"].Value;
        Assert.StartsWith(_emulator.Emulator.BaseUrl.ToString(), url, StringComparison.Ordinal);
        Assert.Contains($"Model: {model}. Cost: {cost} USD.", reply, StringComparison.Ordinal);
        using var image = new MemoryStream();
        var mediaType = await client.DownloadAsync(PhotonModelFactory.GeneratedImage(null, 0, new Uri(url), null, null, false), image);
        Assert.Equal("image/png", mediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], image.ToArray()[..4]);
    }

    [Fact]
    public async Task Get_image_result_finishes_a_prediction_submitted_earlier()
    {
        using var client = _emulator.CreateClient();
        var kernel = Kernel.CreateBuilder().AddPhotonImageGeneration(client).Build();
        var submitted = await client.SubmitAsync("A lighthouse at dusk");

        var reply = await kernel.InvokeAsync<string>("photon", "get_image_result", new KernelArguments { ["prediction_id"] = submitted.Id });

        Assert.Matches(ReadyUrl(), reply!);
        Assert.Contains($"Prediction id: {submitted.Id}.", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_prediction_id_is_reported_by_the_server()
    {
        using var client = _emulator.CreateClient();
        var kernel = Kernel.CreateBuilder().AddPhotonImageGeneration(client).Build();

        var reply = await kernel.InvokeAsync<string>("photon", "get_image_result", new KernelArguments { ["prediction_id"] = "0123456789abcdef0123456789abcdef" });

        Assert.Equal("No image: there is no prediction \"0123456789abcdef0123456789abcdef\" (predictions are kept for 7 days). Check the id.", reply);
    }

    [Fact]
    public async Task A_moderated_prompt_asks_for_a_rephrase()
    {
        using var client = _emulator.CreateClient();
        var kernel = Kernel.CreateBuilder().AddPhotonImageGeneration(client).Build();

        var reply = await kernel.InvokeAsync<string>(
            "photon", "generate_image", new KernelArguments { ["prompt"] = $"Something {EmulatorFixture.ModerationWord} on a table" });

        Assert.StartsWith("Not generated: content moderation refused the prompt (prediction ", reply, StringComparison.Ordinal);
        Assert.Contains("Rephrase the prompt", reply, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^Image ready: (?<url>https?://\S+)$", RegexOptions.Multiline)]
    private static partial Regex ReadyUrl();
}
