using Microsoft.SemanticKernel;
using PhotonSdk.Agents;

namespace PhotonSdk.SemanticKernel;

/// <summary>The <see cref="PhotonImageTools"/> as a Semantic Kernel plugin.</summary>
public static class PhotonImageToolsKernelExtensions
{
    /// <summary>The name a kernel gives the plugin unless told otherwise.</summary>
    public const string DefaultPluginName = "photon";

    /// <summary>
    /// Makes a kernel plugin of the tools' functions (<c>generate_image</c>, <c>get_image_result</c>,
    /// <c>get_image_budget</c>): the same functions, replies, validation and budget as in every other host.
    /// </summary>
    /// <param name="tools">The tools; their budget is shared with every other host they are given to.</param>
    /// <param name="pluginName">The plugin's name, which prefixes its function names for the model.</param>
    /// <returns>The plugin.</returns>
    /// <remarks>
    /// The functions also work when taken from the kernel and handed to a host other than Semantic Kernel
    /// (<c>UseFunctionInvocation()</c>, an Agent Framework agent), which passes no kernel: each carries an empty kernel of
    /// its own for such calls. Called by Semantic Kernel, they run in the calling kernel, with its filters.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="pluginName"/> is empty.</exception>
    public static KernelPlugin AsKernelPlugin(this PhotonImageTools tools, string pluginName = DefaultPluginName)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginName);
        var standalone = new Kernel();
        return KernelPluginFactory.CreateFromFunctions(
            pluginName, tools.AsAIFunctions().Select(function => function.AsKernelFunction().WithKernel(standalone, pluginName)));
    }
}
