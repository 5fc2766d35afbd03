using Microsoft.Extensions.AI;
using PhotonSdk.Agents;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.Agents;

/// <summary><see cref="PhotonImageTools"/> over a fake client, called as methods or as the functions a model calls.</summary>
public sealed class ToolsHarness : IDisposable
{
    public ToolsHarness(PhotonImageToolsOptions? options = null)
    {
        Client = new FakePhotonClient();
        Tools = new PhotonImageTools(Client, options);
    }

    public FakePhotonClient Client { get; }

    public PhotonImageTools Tools { get; }

    /// <summary>The text of <c>generate_image</c>'s reply, called as a method.</summary>
    public async Task<string> GenerateAsync(string prompt, string? quality = null, CancellationToken cancellationToken = default) =>
        (await Tools.GenerateImageAsync(prompt, quality, cancellationToken: cancellationToken)).Text;

    /// <summary>The text of <c>get_image_result</c>'s reply, called as a method.</summary>
    public async Task<string> GetResultAsync(string predictionId, CancellationToken cancellationToken = default) =>
        (await Tools.GetImageResultAsync(predictionId, cancellationToken: cancellationToken)).Text;

    /// <summary>Calls one of <see cref="PhotonImageTools.AsAIFunctions"/> by name, as a function-invoking host does, and returns what the model is shown.</summary>
    public async Task<object?> InvokeFunctionAsync(string name, Dictionary<string, object?> arguments, CancellationToken cancellationToken = default)
    {
        var function = Tools.AsAIFunctions().Single(f => f.Name == name);
        return await function.InvokeAsync(new AIFunctionArguments(arguments), cancellationToken);
    }

    public void Dispose() => Client.Dispose();
}
