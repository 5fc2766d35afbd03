using PhotonSdk.Rest;

namespace PhotonSdk.Predictions;

/// <summary>
/// What the SDK's client knows of a prediction it submitted or read: the latest answer and when it came, when the wait
/// started (on the client's <see cref="TimeProvider"/>), whether that was the submit (only then can the wait learn from
/// and be timed by model durations), and the model first asked for when a fallback served it.
/// </summary>
internal sealed record PredictionObservation(Prediction Latest, long LatestTimestamp, long StartedTimestamp, bool StartedAtSubmit, string? RequestedModelId);
