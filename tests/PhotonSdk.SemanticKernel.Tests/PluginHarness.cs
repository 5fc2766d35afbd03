using Microsoft.SemanticKernel;
using PhotonSdk.Agents;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.SemanticKernel.Tests;

/// <summary>A kernel with the plugin imported over a fake client.</summary>
public sealed class PluginHarness : IDisposable
{
    public PluginHarness(PhotonImageToolsOptions? options = null)
    {
        Client = new FakePhotonClient();
        Kernel = new Kernel();
        Plugin = new PhotonImageTools(Client, options).AsKernelPlugin();
        Kernel.Plugins.Add(Plugin);
    }

    public FakePhotonClient Client { get; }

    public Kernel Kernel { get; }

    public KernelPlugin Plugin { get; }

    public async Task<string> GenerateAsync(string prompt, string? quality = null, CancellationToken cancellationToken = default)
    {
        var arguments = new KernelArguments { ["prompt"] = prompt };
        if (quality is not null) arguments["quality"] = quality;
        var result = await Kernel.InvokeAsync(Plugin[PhotonImageTools.GenerateImageName], arguments, cancellationToken);
        return result.GetValue<string>()!;
    }

    public async Task<string> GetResultAsync(string predictionId, CancellationToken cancellationToken = default)
    {
        var result = await Kernel.InvokeAsync(
            Plugin[PhotonImageTools.GetImageResultName], new KernelArguments { ["prediction_id"] = predictionId }, cancellationToken);
        return result.GetValue<string>()!;
    }

    public void Dispose() => Client.Dispose();
}
