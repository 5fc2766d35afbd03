using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PhotonSdk.Orleans;

namespace Orleans.Hosting;

/// <summary>Adds image jobs to a silo.</summary>
public static class PhotonImageJobsSiloBuilderExtensions
{
    /// <summary>
    /// Adds the image job grains, the cluster's limiter and budget. The silo also needs an <see cref="PhotonSdk.IPhotonClient"/>
    /// (<c>AddPhotonClient</c>), reminders (<c>UseRedisReminderService</c>, say, or in-memory ones for tests) and a grain
    /// storage named <see cref="PhotonImageJobOptions.StorageName"/> (<c>AddRedisGrainStorage("photon-jobs", ...)</c>).
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the options: the webhook URL at least; checked when the silo starts.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddPhotonImageJobs(this ISiloBuilder builder, Action<PhotonImageJobOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<PhotonImageJobOptions>().Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PhotonImageJobOptions>, PhotonImageJobOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
