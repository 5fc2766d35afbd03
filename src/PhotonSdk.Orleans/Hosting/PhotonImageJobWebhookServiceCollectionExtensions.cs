using Microsoft.Extensions.DependencyInjection.Extensions;
using PhotonSdk.AspNetCore;
using PhotonSdk.Orleans.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Routes the webhooks that <c>MapPhotonWebhooks</c> receives to the image jobs they name.</summary>
public static class PhotonImageJobWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers the receiver (<c>AddPhotonWebhooks</c>, with its options set by <paramref name="configure"/>) and, as
    /// its <see cref="IPhotonWebhookHandler"/>, a handler that completes the job named by each delivery's
    /// <c>?job=</c>; then <c>app.MapPhotonWebhooks(path)</c> on every node that receives webhooks (a silo or a client
    /// of the cluster).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the receiver's options (the secret, bounds); <see langword="null"/> keeps the defaults.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPhotonImageJobWebhooks(this IServiceCollection services, Action<PhotonWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddPhotonWebhooks(configure ?? (_ => { }));
        services.TryAddScoped<IPhotonWebhookHandler, PhotonImageJobWebhookHandler>();
        return services;
    }
}
