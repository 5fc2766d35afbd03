using System.Text.Json;
using PhotonSdk.Rest;

namespace PhotonSdk;

/// <summary>Turns a prediction as the API sends it (history items, webhook bodies) into a <see cref="PredictionSummary"/>.</summary>
internal static class PredictionSummaryMapper
{
    public static PredictionSummary From(Prediction prediction) => new(
        prediction.Id,
        prediction.Model,
        PredictionStatus.Of(prediction),
        prediction.Created_at,
        prediction.Outputs ?? [],
        string.IsNullOrEmpty(prediction.Error) ? null : prediction.Error,
        prediction.ExecutionTime is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
        prediction.Input is JsonElement { ValueKind: JsonValueKind.Object } input ? input : null);
}
