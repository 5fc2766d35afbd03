using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PhotonSdk.Emulator.Billing;
using PhotonSdk.Emulator.Predictions;
using PhotonSdk.Emulator.Uploads;
using PhotonSdk.Emulator.Webhooks;

namespace PhotonSdk.Emulator.Hosting;

/// <summary>Compile-time JSON metadata for every body the emulator writes, so serialization costs no reflection under load.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(Envelope<PredictionPayload>))]
[JsonSerializable(typeof(Envelope<HistoryPagePayload>))]
[JsonSerializable(typeof(Envelope<DeleteResultPayload>))]
[JsonSerializable(typeof(Envelope<UploadTicketPayload>))]
[JsonSerializable(typeof(Envelope<UploadedFilePayload>))]
[JsonSerializable(typeof(Envelope<BalancePayload>))]
[JsonSerializable(typeof(Envelope<WebhookSecretPayload>))]
[JsonSerializable(typeof(Envelope<TaskError>))]
[JsonSerializable(typeof(BareError))]
[JsonSerializable(typeof(PredictionPayload))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context the emulator writes with. Bodies are JSON for API clients, never HTML, so characters such as
    /// <c>&lt;</c>, <c>&amp;</c> and <c>'</c> in prompts and messages are written as themselves rather than as \u escapes.
    /// </summary>
    public static EmulatorJsonContext Wire { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
