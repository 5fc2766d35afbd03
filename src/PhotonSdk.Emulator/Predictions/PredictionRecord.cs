using System.Text.Json;
using PhotonSdk.Emulator.Catalog;

namespace PhotonSdk.Emulator.Predictions;

/// <summary>
/// What the emulator keeps of one prediction. Its whole future is fixed at submit (when it starts, when it ends and
/// how), so its status is computed from the clock on each read and no timer runs per prediction.
/// </summary>
internal sealed class PredictionRecord
{
    public required string Id { get; init; }

    /// <summary>The order of submission, which breaks ties between predictions created in the same tick.</summary>
    public required long Ordinal { get; init; }

    public required ModelDefinition Model { get; init; }

    /// <summary>The scheme and authority the client used, so the URLs handed back reach this emulator.</summary>
    public required string Origin { get; set; }

    /// <summary>The request body, echoed as <c>input</c>.</summary>
    public required JsonElement Input { get; init; }

    public required string Prompt { get; init; }

    public required long RenderSeed { get; init; }

    public required bool Base64Output { get; init; }

    public required string? WebhookUrl { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the prediction leaves <c>created</c>: after its queueing share, or later when a concurrency slot frees.</summary>
    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset FinishesAt { get; init; }

    /// <summary>0 when the prediction completes; otherwise the task code it fails with.</summary>
    public required int FailureCode { get; init; }

    public string StatusAt(DateTimeOffset now) =>
        now < StartsAt ? PredictionStatus.Created
        : now < FinishesAt ? PredictionStatus.Processing
        : FailureCode == TaskCodes.Ok ? PredictionStatus.Completed
        : PredictionStatus.Failed;

    public bool IsCompletedAt(DateTimeOffset now) => FailureCode == TaskCodes.Ok && now >= FinishesAt;

    public string ResultUrl => $"{Origin}/api/v3/predictions/{Id}/result";
}
