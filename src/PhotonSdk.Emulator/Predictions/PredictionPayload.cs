using System.Text.Json;
using System.Text.Json.Serialization;

namespace PhotonSdk.Emulator.Predictions;

/// <summary>A prediction as the API shows it (reference §1.2); webhooks send it without the envelope.</summary>
internal sealed class PredictionPayload
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("model")]
    public required string Model { get; init; }

    [JsonPropertyName("outputs")]
    public required IReadOnlyList<string> Outputs { get; init; }

    [JsonPropertyName("urls")]
    public required PredictionUrls Urls { get; init; }

    [JsonPropertyName("has_nsfw_contents")]
    public required IReadOnlyList<bool> HasNsfwContents { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("created_at")]
    public required string CreatedAt { get; init; }

    [JsonPropertyName("error")]
    public required string Error { get; init; }

    // The real API spells this one field in camelCase.
    [JsonPropertyName("executionTime")]
    public required long ExecutionTime { get; init; }

    [JsonPropertyName("timings")]
    public required PredictionTimings Timings { get; init; }

    [JsonPropertyName("code")]
    public required int Code { get; init; }

    [JsonPropertyName("input")]
    public required JsonElement Input { get; init; }
}

/// <summary>The <c>urls</c> object of a prediction.</summary>
internal sealed class PredictionUrls
{
    [JsonPropertyName("get")]
    public required string Get { get; init; }
}

/// <summary>The <c>timings</c> object of a prediction.</summary>
internal sealed class PredictionTimings
{
    [JsonPropertyName("inference")]
    public required long Inference { get; init; }
}
