namespace PhotonSdk;

/// <summary>
/// A submitted prediction. Its <see cref="Id"/> is known as soon as the submit returns; keep it to resume the wait later
/// (<see cref="PhotonClientExtensions.GetPrediction"/>) if this process stops or the wait times out. A handle belongs to
/// the <see cref="IPhotonClient"/> that made it: reading and waiting go through that client, so a fake client's handles
/// are waited on by the fake (mint them with <see cref="PhotonModelFactory.PredictionHandle"/>).
/// </summary>
public sealed class PredictionHandle
{
    private readonly IPhotonClient _client;

    internal PredictionHandle(IPhotonClient client, string id, string? modelId, PredictionStatus status)
    {
        _client = client;
        Id = id;
        ModelId = modelId;
        Status = status;
    }

    /// <summary>The prediction id.</summary>
    public string Id { get; }

    /// <summary>The model id, when known (a handle rehydrated from an id alone learns it from the first result).</summary>
    public string? ModelId { get; private set; }

    /// <summary>The last status seen; <c>unknown</c> for a handle rehydrated from an id that has not been read yet.</summary>
    public PredictionStatus Status { get; private set; }

    /// <summary>What the SDK's own client last read of the prediction, and when; a fake client's handles have none.</summary>
    internal Predictions.PredictionObservation? Observation { get; private set; }

    /// <summary>Reads the prediction's current status once.</summary>
    /// <param name="cancellationToken">Stops the request (not the prediction).</param>
    /// <returns>The status.</returns>
    public async Task<PredictionStatus> UpdateStatusAsync(CancellationToken cancellationToken = default) =>
        Status = await _client.UpdateStatusAsync(this, cancellationToken).ConfigureAwait(false);

    /// <summary>Waits for the prediction to finish and returns its result.</summary>
    /// <param name="timeout">The bound on the wait; the client's polling timeout when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the waiting (not the prediction, which keeps running and is billed).</param>
    /// <returns>The result.</returns>
    public async Task<ImageGenerationResult> WaitForCompletionAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var result = await _client.WaitForCompletionAsync(this, timeout, cancellationToken).ConfigureAwait(false);
        Status = PredictionStatus.Completed;
        ModelId = result.ModelId;
        return result;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({ModelId ?? "model unknown"}, {Status})";

    /// <summary>
    /// Records the status a wait's poll read, so that whoever shows the wait's progress sees each status as it comes;
    /// the rest of the answer is recorded when the wait ends.
    /// </summary>
    internal void ObserveStatus(PredictionStatus status) => Status = status;

    /// <summary>Records what the SDK's client read; the one place a handle's state changes besides its own calls.</summary>
    internal void Observe(Predictions.PredictionObservation observation)
    {
        Observation = observation;
        Status = PredictionStatus.Of(observation.Latest);
        if (!string.IsNullOrEmpty(observation.Latest.Model)) ModelId = observation.Latest.Model;
    }
}
