using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace PhotonSdk.DependencyInjection;

/// <summary>What <c>AddPhotonClient</c> registered, for companion registrations such as an image generator.</summary>
public sealed class PhotonClientBuilder
{
    internal PhotonClientBuilder(IServiceCollection services, string name)
    {
        Services = services;
        Name = name;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The client's name: empty for the default client, else the service key of a keyed client.</summary>
    public string Name { get; }

    /// <summary>Whether this is the default (unkeyed) client.</summary>
    public bool IsDefault => Name.Length == 0;

    /// <summary>
    /// Registers a Microsoft.Extensions.AI <see cref="IImageGenerator"/> over this client (keyed by the client's name for
    /// a named client), so that <c>IImageGenerator</c> consumers get Photon.
    /// </summary>
    /// <param name="configure">Adds middleware, e.g. <c>b =&gt; b.UseLogging().UseOpenTelemetry()</c>.</param>
    /// <param name="defaultModelId">The model when a request names none: an id, a name or an alias.</param>
    /// <returns>This builder.</returns>
    [System.Diagnostics.CodeAnalysis.Experimental("MEAI001")]
    public PhotonClientBuilder AddImageGenerator(Action<ImageGeneratorBuilder>? configure = null, string? defaultModelId = null)
    {
        var builder = IsDefault
            ? Services.AddImageGenerator(services => services.GetRequiredService<IPhotonClient>().AsIImageGenerator(defaultModelId))
            : Services.AddKeyedImageGenerator(Name, services => services.GetRequiredKeyedService<IPhotonClient>(Name).AsIImageGenerator(defaultModelId));
        configure?.Invoke(builder);
        return this;
    }
}
