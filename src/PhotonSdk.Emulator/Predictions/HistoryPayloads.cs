using System.Text.Json.Serialization;

namespace PhotonSdk.Emulator.Predictions;

/// <summary>The <c>data</c> of the history endpoint: one page of predictions, newest first.</summary>
internal sealed class HistoryPagePayload
{
    [JsonPropertyName("page")]
    public required int Page { get; init; }

    [JsonPropertyName("total")]
    public required int Total { get; init; }

    [JsonPropertyName("items")]
    public required IReadOnlyList<PredictionPayload> Items { get; init; }
}

/// <summary>The <c>data</c> of the delete endpoint.</summary>
internal sealed class DeleteResultPayload
{
    [JsonPropertyName("deleted_count")]
    public required int DeletedCount { get; init; }
}
