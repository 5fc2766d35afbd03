using PhotonSdk.Rest;

namespace PhotonSdk.Predictions;

/// <summary>
/// What the SDK's client knows of a prediction it submitted or read: the latest answer and when it came, when the wait
/// started (on the client's <see cref="TimeProvider"/>), the model first asked for when a fallback served it, and, only
/// when this client submitted it, the moment its duration is measured from (<see cref="DurationOrigin"/>): only then can
/// the wait be timed by, and teach, model durations.
/// </summary>
/// <param name="Latest">The latest answer.</param>
/// <param name="LatestTimestamp">When it came.</param>
/// <param name="StartedTimestamp">When the submit or the wait started.</param>
/// <param name="DurationOrigin">
/// For a prediction this client submitted: the submit's answer, since the server starts the prediction's clock as it
/// takes the request and answers at once (which leaves out the client's own first-request costs); or, in sync mode, the
/// submit's start, since the server held the answer while the prediction ran. <see langword="null"/> otherwise.
/// </param>
/// <param name="RequestedModelId">The model first asked for, when a fallback served the prediction.</param>
internal sealed record PredictionObservation(Prediction Latest, long LatestTimestamp, long StartedTimestamp, long? DurationOrigin, string? RequestedModelId);
