using System.Text.Json.Serialization;

namespace PhotonSdk.Emulator.Webhooks;

/// <summary>The <c>data</c> of <c>GET /webhook/secret</c>.</summary>
internal sealed class WebhookSecretPayload
{
    [JsonPropertyName("secret")]
    public required string Secret { get; init; }
}
