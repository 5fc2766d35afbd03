using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PhotonSdk.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the endpoint that receives WaveSpeed webhook deliveries.</summary>
/// <remarks>
/// Answers: 204 when the handler returned, or when the delivery id was handled before (the handler is not run again);
/// 400 for a bad or missing signature, a delivery more than the tolerance away from now (stale or future-dated), or a
/// body that is not a prediction; 413 for a body over <see cref="PhotonWebhookOptions.MaxBodyBytes"/>; 415 for a body
/// that is not JSON; 409 while another request handles the same delivery id; 500 when the handler throws and 503 when
/// it gives up after <see cref="PhotonWebhookOptions.HandlerTimeout"/> (the delivery is then left unhandled, so a
/// redelivery runs the handler again); 503 when the secret cannot be fetched.
/// </remarks>
public static class PhotonWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> to the receiver, handing each new verified delivery to the
    /// <see cref="IPhotonWebhookHandler"/> registered in the services (resolved per request, so it may be scoped).
    /// </summary>
    /// <param name="endpoints">The endpoint route builder, e.g. the <c>WebApplication</c>.</param>
    /// <param name="pattern">The route, e.g. <c>/photon/webhooks</c>; the URL to give <see cref="PhotonSdk.GenerationOptions.Webhook"/>.</param>
    /// <returns>The endpoint's builder, for conventions such as <c>RequireHost</c>.</returns>
    /// <exception cref="InvalidOperationException"><c>AddPhotonWebhooks</c> was not called, or no <see cref="IPhotonWebhookHandler"/> is registered.</exception>
    public static IEndpointConventionBuilder MapPhotonWebhooks(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (!IsRegistered(endpoints, typeof(IPhotonWebhookHandler)))
            throw new InvalidOperationException($"No {nameof(IPhotonWebhookHandler)} is registered: register one (e.g. services.AddScoped<{nameof(IPhotonWebhookHandler)}, MyHandler>()) or pass a handler to MapPhotonWebhooks.");
        return Map(endpoints, pattern, static (context, webhook, cancellationToken) =>
            context.RequestServices.GetRequiredService<IPhotonWebhookHandler>().HandleAsync(webhook, cancellationToken));
    }

    /// <summary>Maps <c>POST <paramref name="pattern"/></c> to the receiver, handing each new verified delivery to <paramref name="handler"/>.</summary>
    /// <param name="endpoints">The endpoint route builder, e.g. the <c>WebApplication</c>.</param>
    /// <param name="pattern">The route, e.g. <c>/photon/webhooks</c>; the URL to give <see cref="PhotonSdk.GenerationOptions.Webhook"/>.</param>
    /// <param name="handler">
    /// Handles one delivery not handled before; the token fires when the sender disconnects or the handler timeout
    /// passes. Throwing answers 5xx and leaves the delivery unhandled.
    /// </param>
    /// <returns>The endpoint's builder, for conventions such as <c>RequireHost</c>.</returns>
    /// <exception cref="InvalidOperationException"><c>AddPhotonWebhooks</c> was not called.</exception>
    public static IEndpointConventionBuilder MapPhotonWebhooks(this IEndpointRouteBuilder endpoints, string pattern, Func<PhotonWebhook, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, (_, webhook, cancellationToken) => handler(webhook, cancellationToken));
    }

    private static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string pattern, Func<HttpContext, PhotonWebhook, CancellationToken, Task> handle)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        if (!IsRegistered(endpoints, typeof(PhotonWebhookReceiver)))
            throw new InvalidOperationException("MapPhotonWebhooks needs its services: call services.AddPhotonWebhooks(...) first.");

        return endpoints
            .MapPost(pattern, context => context.RequestServices.GetRequiredService<PhotonWebhookReceiver>().ReceiveAsync(context, handle))
            .WithDisplayName($"Photon webhooks {pattern}");
    }

    private static bool IsRegistered(IEndpointRouteBuilder endpoints, Type service) =>
        endpoints.ServiceProvider.GetService<IServiceProviderIsService>() is not { } services || services.IsService(service);
}
