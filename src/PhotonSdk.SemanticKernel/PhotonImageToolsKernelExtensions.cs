using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;
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
        return new ImageToolsPlugin(
            pluginName, tools.AsAIFunctions().Select(function => function.AsKernelFunction().WithKernel(standalone, pluginName)));
    }

    /// <summary>
    /// A plugin that keeps its functions as given. The plugin <c>KernelPluginFactory</c> makes clones each function,
    /// and the clone loses the kernel that <c>WithKernel</c> gave it; without that kernel, a host that passes a
    /// service provider but no kernel (<c>ChatClientBuilder.Build()</c>, Agent Framework) makes Semantic Kernel build
    /// one from the provider, which fails on a provider that is not a full dependency-injection container.
    /// </summary>
    private sealed class ImageToolsPlugin : KernelPlugin
    {
        private readonly List<KernelFunction> _functions;

        public ImageToolsPlugin(string name, IEnumerable<KernelFunction> functions)
            : base(name)
        {
            _functions = functions.ToList();
        }

        public override int FunctionCount => _functions.Count;

        public override bool TryGetFunction(string name, [NotNullWhen(true)] out KernelFunction? function)
        {
            // By the function's own name, as kernels look functions up, or by the tool name a model calls (photon_generate_image).
            function = _functions.Find(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? _functions.Find(f => string.Equals(((AIFunction)f).Name, name, StringComparison.Ordinal));
            return function is not null;
        }

        public override IEnumerator<KernelFunction> GetEnumerator() => _functions.GetEnumerator();
    }
}
