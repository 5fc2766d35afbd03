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
}
