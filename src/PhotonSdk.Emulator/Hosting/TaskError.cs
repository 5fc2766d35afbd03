using System.Text.Json.Serialization;

namespace PhotonSdk.Emulator.Hosting;

/// <summary>The <c>data</c> of an error envelope that carries a task-level code, e.g. a validation failure.</summary>
internal sealed class TaskError
{
    [JsonPropertyName("code")]
    public required int Code { get; init; }

    [JsonPropertyName("error")]
    public required string Error { get; init; }
}
