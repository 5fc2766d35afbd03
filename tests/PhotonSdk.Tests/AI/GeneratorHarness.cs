using Microsoft.Extensions.AI;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.AI;

/// <summary>An <see cref="IImageGenerator"/> over a fake client.</summary>
public sealed class GeneratorHarness : IDisposable
{
    public GeneratorHarness(string? defaultModelId = null)
    {
        Client = new FakePhotonClient();
        Generator = Client.AsIImageGenerator(defaultModelId);
    }

    public FakePhotonClient Client { get; }

    public IImageGenerator Generator { get; }

    /// <summary>The SDK options of the only generate call.</summary>
    public GenerationOptions SentOptions => Assert.Single(Client.GenerateCalls).Options!;

    public Task<ImageGenerationResponse> GenerateAsync(ImageGenerationOptions? options = null, string prompt = "A red fox in fresh snow") =>
        Generator.GenerateImagesAsync(prompt, options);

    public void Dispose()
    {
        Generator.Dispose();
        Client.Dispose();
    }
}
