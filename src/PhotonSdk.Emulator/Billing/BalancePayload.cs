using System.Text.Json.Serialization;

namespace PhotonSdk.Emulator.Billing;

/// <summary>The <c>data</c> of <c>GET /balance</c>.</summary>
internal sealed class BalancePayload
{
    [JsonPropertyName("balance")]
    public required decimal Balance { get; init; }
}
