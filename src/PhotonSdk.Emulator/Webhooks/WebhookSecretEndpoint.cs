using Microsoft.AspNetCore.Http;
using PhotonSdk.Emulator.Hosting;

namespace PhotonSdk.Emulator.Webhooks;

/// <summary><c>GET /api/v3/webhook/secret</c>: the secret that signs this emulator's webhooks.</summary>
internal sealed class WebhookSecretEndpoint
{
    private readonly EmulatorServices _services;

    public WebhookSecretEndpoint(EmulatorServices services) => _services = services;

    public Task HandleAsync(HttpContext context) =>
        ApiResults.OkAsync(context, new WebhookSecretPayload { Secret = _services.Signer.Secret }, EmulatorJsonContext.Wire.EnvelopeWebhookSecretPayload);
}
