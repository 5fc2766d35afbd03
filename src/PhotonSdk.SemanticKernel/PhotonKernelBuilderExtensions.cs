using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.TextToImage;
using PhotonSdk.Agents;

namespace PhotonSdk.SemanticKernel;

/// <summary>Registers Photon image generation with a kernel: the <see cref="PhotonImageTools"/> as a plugin and an <see cref="ITextToImageService"/>.</summary>
public static class PhotonKernelBuilderExtensions
{
    /// <summary>Adds the <see cref="PhotonImageTools"/> as a plugin and a <see cref="PhotonTextToImageService"/> over a client of the caller's.</summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="client">The client; the kernel does not dispose it.</param>
    /// <param name="options">The plugin's budget and bounds; the defaults when <see langword="null"/>.</param>
    /// <param name="pluginName">The plugin's name, which prefixes its function names for the model.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">An option is out of range or the plugin name is empty.</exception>
    public static IKernelBuilder AddPhotonImageGeneration(
        this IKernelBuilder builder, IPhotonClient client, PhotonImageToolsOptions? options = null, string pluginName = PhotonImageToolsKernelExtensions.DefaultPluginName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginName);

        builder.Services.AddSingleton<ITextToImageService>(new PhotonTextToImageService(client));
        builder.Plugins.Add(new PhotonImageTools(client, options).AsKernelPlugin(pluginName));
        return builder;
    }

    /// <summary>
    /// Adds the <see cref="PhotonImageTools"/> as a plugin and a <see cref="PhotonTextToImageService"/> over a new
    /// <see cref="PhotonClient"/>, which is registered as <see cref="IPhotonClient"/> and disposed with the kernel's services.
    /// </summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="clientOptions">The client's options (API key, base URL, polling); read when the kernel is built.</param>
    /// <param name="options">The plugin's budget and bounds; the defaults when <see langword="null"/>.</param>
    /// <param name="pluginName">The plugin's name, which prefixes its function names for the model.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">An option is out of range or the plugin name is empty.</exception>
    public static IKernelBuilder AddPhotonImageGeneration(
        this IKernelBuilder builder, PhotonClientOptions clientOptions, PhotonImageToolsOptions? options = null, string pluginName = PhotonImageToolsKernelExtensions.DefaultPluginName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(clientOptions);
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginName);
        // Fail at registration rather than at the first call.
        OptionsValidator.ThrowIfInvalid(options ?? new PhotonImageToolsOptions(), nameof(options));

        builder.Services.AddSingleton(_ => new PhotonClient(clientOptions));
        builder.Services.AddSingleton<IPhotonClient>(services => services.GetRequiredService<PhotonClient>());
        builder.Services.AddSingleton<ITextToImageService>(services => new PhotonTextToImageService(services.GetRequiredService<IPhotonClient>()));
        builder.Services.AddSingleton(services => new PhotonImageTools(services.GetRequiredService<IPhotonClient>(), options).AsKernelPlugin(pluginName));
        return builder;
    }

    /// <summary>
    /// Adds the <see cref="PhotonImageTools"/> as a plugin and a <see cref="PhotonTextToImageService"/> over the
    /// <see cref="IPhotonClient"/> already registered in the kernel's services, e.g. by
    /// <c>services.AddPhotonClient(configuration)</c> followed by <c>services.AddKernel()</c>.
    /// </summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="clientName">The name of a keyed client registered with <c>AddPhotonClient(name, ...)</c>; <see langword="null"/> for the default client.</param>
    /// <param name="options">The plugin's budget and bounds; the defaults when <see langword="null"/>.</param>
    /// <param name="pluginName">The plugin's name, which prefixes its function names for the model.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">An option is out of range or the plugin name is empty.</exception>
    public static IKernelBuilder AddPhotonImageGenerationFromServices(
        this IKernelBuilder builder, string? clientName = null, PhotonImageToolsOptions? options = null, string pluginName = PhotonImageToolsKernelExtensions.DefaultPluginName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginName);
        OptionsValidator.ThrowIfInvalid(options ?? new PhotonImageToolsOptions(), nameof(options));

        IPhotonClient Client(IServiceProvider services) =>
            clientName is null ? services.GetRequiredService<IPhotonClient>() : services.GetRequiredKeyedService<IPhotonClient>(clientName);

        builder.Services.AddSingleton<ITextToImageService>(services => new PhotonTextToImageService(Client(services)));
        builder.Services.AddSingleton(services => new PhotonImageTools(Client(services), options).AsKernelPlugin(pluginName));
        return builder;
    }
}
