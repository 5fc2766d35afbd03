using Microsoft.SemanticKernel;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.SemanticKernel.Tests;

/// <summary>A kernel with the plugin imported over a fake client.</summary>
public sealed class PluginHarness : IDisposable
{
    public PluginHarness(PhotonImagePluginOptions? options = null)
    {
        Client = new FakePhotonClient();
        Kernel = new Kernel();
        Plugin = Kernel.ImportPluginFromObject(new PhotonImagePlugin(Client, options), PhotonImagePlugin.DefaultPluginName);
    }

    public FakePhotonClient Client { get; }

    public Kernel Kernel { get; }

    public KernelPlugin Plugin { get; }

    public async Task<string> GenerateAsync(string prompt, string? quality = null, CancellationToken cancellationToken = default)
    {
        var arguments = new KernelArguments { ["prompt"] = prompt };
        if (quality is not null) arguments["quality"] = quality;
        var result = await Kernel.InvokeAsync(Plugin[PhotonImagePlugin.GenerateImageFunctionName], arguments, cancellationToken);
        return result.GetValue<string>()!;
    }

    public async Task<string> GetResultAsync(string predictionId, CancellationToken cancellationToken = default)
    {
        var result = await Kernel.InvokeAsync(
            Plugin[PhotonImagePlugin.GetImageResultFunctionName], new KernelArguments { ["prediction_id"] = predictionId }, cancellationToken);
        return result.GetValue<string>()!;
    }

    public void Dispose() => Client.Dispose();
}
