using System.Text.Json.Serialization;

namespace PhotonSdk.Emulator.Hosting;

/// <summary>The wrapper of every API response: <c>{code, message, data}</c>, where <c>code</c> repeats the HTTP status.</summary>
/// <typeparam name="T">The type of <c>data</c>.</typeparam>
internal sealed class Envelope<T>
{
    [JsonPropertyName("code")]
    public required int Code { get; init; }

    [JsonPropertyName("message")]
    public required string Message { get; init; }

    [JsonPropertyName("data")]
    public required T? Data { get; init; }
}
