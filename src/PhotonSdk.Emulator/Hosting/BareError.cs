using System.Text.Json.Serialization;

namespace PhotonSdk.Emulator.Hosting;

/// <summary>The bare <c>{"error": "..."}</c> body the API uses for a few refusals, e.g. base64 output with a webhook.</summary>
internal sealed class BareError
{
    [JsonPropertyName("error")]
    public required string Error { get; init; }
}
