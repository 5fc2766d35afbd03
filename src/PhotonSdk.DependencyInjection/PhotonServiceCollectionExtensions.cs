using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhotonSdk;
using PhotonSdk.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="PhotonClient"/> and <see cref="IPhotonClient"/> in a service collection.</summary>
public static class PhotonServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default client with options bound from a configuration section (e.g. <c>Photon</c> in
    /// <c>appsettings.json</c>), validated when the host starts. <c>WAVESPEED_API_KEY</c> stands in for a missing key.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section of <see cref="PhotonClientOptions"/>.</param>
    /// <returns>A builder for companion registrations.</returns>
    public static PhotonClientBuilder AddPhotonClient(this IServiceCollection services, IConfiguration configuration) =>
        AddPhotonClient(services, string.Empty, configuration);

    /// <summary>Registers the default client with options set in code, validated when the host starts.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder for companion registrations.</returns>
    public static PhotonClientBuilder AddPhotonClient(this IServiceCollection services, Action<PhotonClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, string.Empty, builder => builder.Configure(configure));
    }

    /// <summary>
    /// Registers a named client (resolved with <c>[FromKeyedServices(name)]</c> or <c>GetRequiredKeyedService</c>),
    /// e.g. one per WaveSpeed account.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name, used as its service key.</param>
    /// <param name="configuration">The configuration section of <see cref="PhotonClientOptions"/>.</param>
    /// <returns>A builder for companion registrations.</returns>
    public static PhotonClientBuilder AddPhotonClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, name, builder => builder.Bind(configuration));
    }

    private static PhotonClientBuilder AddCore(IServiceCollection services, string name, Action<OptionsBuilder<PhotonClientOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        configure(services.AddOptions<PhotonClientOptions>(name).ValidateOnStart());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PhotonClientOptions>, PhotonClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        var httpClientName = HttpClientName(name);
        services.AddHttpClient(httpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // A singleton client keeps its handler; connections are recycled by the handler itself instead.
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            // No resilience handler here: the client sends every request through its one policy, which tells a submit
            // from a read by operation; a second retry layer could resend a submit.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        PhotonClient Create(IServiceProvider provider)
        {
            var options = provider.GetRequiredService<IOptionsMonitor<PhotonClientOptions>>().Get(name);
            return new PhotonClient(WithServices(options, provider), provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName));
        }

        if (name.Length == 0)
        {
            services.TryAddSingleton(Create);
            services.TryAddSingleton<IPhotonClient>(provider => provider.GetRequiredService<PhotonClient>());
        }
        else
        {
            services.AddKeyedSingleton(name, (provider, _) => Create(provider));
            services.AddKeyedSingleton<IPhotonClient>(name, (provider, key) => provider.GetRequiredKeyedService<PhotonClient>(key));
        }

        return new PhotonClientBuilder(services, name);
    }

    internal static string HttpClientName(string name) => name.Length == 0 ? "PhotonSdk" : $"PhotonSdk.{name}";

    /// <summary>The options with the container's logger factory and time provider where the options name none.</summary>
    private static PhotonClientOptions WithServices(PhotonClientOptions options, IServiceProvider provider)
    {
        var effective = options.Clone();
        effective.LoggerFactory ??= provider.GetService<ILoggerFactory>();
        if (ReferenceEquals(effective.TimeProvider, TimeProvider.System)) effective.TimeProvider = provider.GetRequiredService<TimeProvider>();
        return effective;
    }
}
