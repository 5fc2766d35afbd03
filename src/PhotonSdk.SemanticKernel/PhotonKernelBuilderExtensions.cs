using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.TextToImage;

namespace PhotonSdk.SemanticKernel;

/// <summary>Registers Photon image generation with a kernel: the <see cref="PhotonImagePlugin"/> and an <see cref="ITextToImageService"/>.</summary>
public static class PhotonKernelBuilderExtensions
{
    /// <summary>Adds the <see cref="PhotonImagePlugin"/> and a <see cref="PhotonTextToImageService"/> over a client of the caller's.</summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="client">The client; the kernel does not dispose it.</param>
    /// <param name="options">The plugin's budget and bounds; the defaults when <see langword="null"/>.</param>
    /// <param name="pluginName">The plugin's name, which prefixes its function names for the model.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">An option is out of range or the plugin name is empty.</exception>
    public static IKernelBuilder AddPhotonImageGeneration(
        this IKernelBuilder builder, IPhotonClient client, PhotonImagePluginOptions? options = null, string pluginName = PhotonImagePlugin.DefaultPluginName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginName);

        builder.Services.AddSingleton<ITextToImageService>(new PhotonTextToImageService(client));
        builder.Plugins.AddFromObject(new PhotonImagePlugin(client, options), pluginName);
        return builder;
    }

    /// <summary>
    /// Adds the <see cref="PhotonImagePlugin"/> and a <see cref="PhotonTextToImageService"/> over a new
    /// <see cref="PhotonClient"/>, which is registered as <see cref="IPhotonClient"/> and disposed with the kernel's services.
    /// </summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="clientOptions">The client's options (API key, base URL, polling); read when the kernel is built.</param>
    /// <param name="options">The plugin's budget and bounds; the defaults when <see langword="null"/>.</param>
    /// <param name="pluginName">The plugin's name, which prefixes its function names for the model.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">An option is out of range or the plugin name is empty.</exception>
    public static IKernelBuilder AddPhotonImageGeneration(
        this IKernelBuilder builder, PhotonClientOptions clientOptions, PhotonImagePluginOptions? options = null, string pluginName = PhotonImagePlugin.DefaultPluginName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(clientOptions);
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginName);
        // Fail at registration rather than at the first call.
        (options ?? new PhotonImagePluginOptions()).Validate(nameof(options));

        builder.Services.AddSingleton(_ => new PhotonClient(clientOptions));
        builder.Services.AddSingleton<IPhotonClient>(services => services.GetRequiredService<PhotonClient>());
        builder.Services.AddSingleton<ITextToImageService>(services => new PhotonTextToImageService(services.GetRequiredService<IPhotonClient>()));
        builder.Services.AddSingleton(services => KernelPluginFactory.CreateFromObject(
            new PhotonImagePlugin(services.GetRequiredService<IPhotonClient>(), options), pluginName));
        return builder;
    }

    /// <summary>
    /// Adds the <see cref="PhotonImagePlugin"/> and a <see cref="PhotonTextToImageService"/> over the
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
        this IKernelBuilder builder, string? clientName = null, PhotonImagePluginOptions? options = null, string pluginName = PhotonImagePlugin.DefaultPluginName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginName);
        (options ?? new PhotonImagePluginOptions()).Validate(nameof(options));

        IPhotonClient Client(IServiceProvider services) =>
            clientName is null ? services.GetRequiredService<IPhotonClient>() : services.GetRequiredKeyedService<IPhotonClient>(clientName);

        builder.Services.AddSingleton<ITextToImageService>(services => new PhotonTextToImageService(Client(services)));
        builder.Services.AddSingleton(services => KernelPluginFactory.CreateFromObject(new PhotonImagePlugin(Client(services), options), pluginName));
        return builder;
    }
}
