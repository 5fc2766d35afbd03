using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PhotonSdk.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what <c>MapPhotonWebhooks</c> needs: its options, the delivery store and the receiver.</summary>
public static class PhotonWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers the webhook receiver with default options: the secret is fetched through the registered
    /// <see cref="PhotonSdk.PhotonClient"/> (<c>AddPhotonClient</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPhotonWebhooks(this IServiceCollection services) => AddCore(services, _ => { });

    /// <summary>Registers the webhook receiver with options set in code, checked when the host starts.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPhotonWebhooks(this IServiceCollection services, Action<PhotonWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, builder => builder.Configure(configure));
    }

    /// <summary>Registers the webhook receiver with options bound from a configuration section, checked when the host starts.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section of <see cref="PhotonWebhookOptions"/>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPhotonWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, builder => builder.Bind(configuration));
    }

    private static IServiceCollection AddCore(IServiceCollection services, Action<OptionsBuilder<PhotonWebhookOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        configure(services.AddOptions<PhotonWebhookOptions>().ValidateOnStart());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PhotonWebhookOptions>, PhotonWebhookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // An application's own store, registered before or after this call, replaces the in-memory one.
        services.TryAddSingleton<IPhotonWebhookDeliveryStore>(provider =>
            new InMemoryPhotonWebhookDeliveryStore(timeProvider: provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<WebhookVerifierSource>();
        services.TryAddSingleton<PhotonWebhookReceiver>();
        return services;
    }
}
