using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PhotonSdk.AspNetCore;

/// <summary>
/// The one <see cref="WebhookVerifier"/> of the receiver: made from <see cref="PhotonWebhookOptions.Secret"/>, or from
/// the secret fetched once through the registered <see cref="PhotonClient"/>. Concurrent first deliveries share one
/// fetch; a fetch that fails is not kept, so the next delivery tries again.
/// </summary>
internal sealed class WebhookVerifierSource
{
    private readonly PhotonWebhookOptions _options;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Task<WebhookVerifier>? _verifier;

    public WebhookVerifierSource(IOptions<PhotonWebhookOptions> options, IServiceProvider services, TimeProvider time)
    {
        _options = options.Value;
        _services = services;
        _time = time;
        if (_options.Secret is { } secret) _verifier = Task.FromResult(Create(secret));
    }

    /// <summary>The verifier; waits for the secret's fetch at most as long as <paramref name="cancellationToken"/> allows.</summary>
    public Task<WebhookVerifier> GetAsync(CancellationToken cancellationToken)
    {
        Task<WebhookVerifier> verifier;
        lock (_gate)
        {
            if (_verifier is null || _verifier.IsFaulted || _verifier.IsCanceled) _verifier = Task.Run(FetchAsync, CancellationToken.None);
            verifier = _verifier;
        }

        // One request giving up must not cancel the fetch the others wait for.
        return verifier.WaitAsync(cancellationToken);
    }

    private async Task<WebhookVerifier> FetchAsync()
    {
        var client = _options.ClientName is { } name ? _services.GetRequiredKeyedService<PhotonClient>(name) : _services.GetRequiredService<PhotonClient>();
        var answer = await client.Rest.GetWebhookSecretAsync(CancellationToken.None).ConfigureAwait(false);
        var secret = answer.Data?.Secret;
        if (string.IsNullOrWhiteSpace(secret)) throw new InvalidOperationException("GET /api/v3/webhook/secret answered without a secret.");
        return Create(secret);
    }

    private WebhookVerifier Create(string secret) => new(secret, _options.Tolerance, _time);
}
