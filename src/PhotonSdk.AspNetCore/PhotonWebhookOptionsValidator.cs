using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PhotonSdk.AspNetCore;

/// <summary>
/// Checks <see cref="PhotonWebhookOptions"/> when the host starts, so that a receiver that could never verify a
/// delivery (no secret and no client to fetch one, an empty secret, a zero bound) fails at start-up rather than at the
/// first delivery.
/// </summary>
internal sealed class PhotonWebhookOptionsValidator : IValidateOptions<PhotonWebhookOptions>
{
    private readonly IServiceProviderIsService _services;

    public PhotonWebhookOptionsValidator(IServiceProviderIsService services) => _services = services;

    public ValidateOptionsResult Validate(string? name, PhotonWebhookOptions options)
    {
        var failures = new List<string>();
        if (options.Secret is { } secret)
        {
            try
            {
                _ = new WebhookVerifier(secret);
            }
            catch (ArgumentException e)
            {
                failures.Add($"Secret: {e.Message}");
            }
        }
        else if (!HasClient(options.ClientName))
        {
            failures.Add(options.ClientName is null
                ? "Secret is not set and no PhotonClient is registered to fetch it: set Secret, or call AddPhotonClient."
                : $"Secret is not set and no PhotonClient named '{options.ClientName}' is registered to fetch it: set Secret, or call AddPhotonClient(\"{options.ClientName}\", ...).");
        }

        if (options.MaxBodyBytes is <= 0 or > int.MaxValue) failures.Add("MaxBodyBytes must be positive and below 2 GiB (the body is held in memory).");
        if (options.Tolerance <= TimeSpan.Zero) failures.Add("Tolerance must be positive.");
        if (options.HandlerTimeout is { } timeout && timeout <= TimeSpan.Zero) failures.Add("HandlerTimeout must be positive, or null for none.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Select(failure => $"Photon webhook options: {failure}"));
    }

    private bool HasClient(string? name) => name is null
        ? _services.IsService(typeof(PhotonClient))
        : _services is IServiceProviderIsKeyedService keyed && keyed.IsKeyedService(typeof(PhotonClient), name);
}
