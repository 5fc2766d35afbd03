namespace PhotonSdk.Budget;

/// <summary>
/// What a failed submit proves about the server. The one rule by which the agent tools and the batch engine give money
/// back to a budget: only when the failure proves that no prediction was created. Whenever one may exist it may be
/// billed, so it stays counted.
/// </summary>
internal static class SubmitEvidence
{
    /// <summary>
    /// Whether <paramref name="error"/>, thrown by a submit, proves that nothing was created: bad input caught before
    /// sending, a cancellation before the request left, or a 4xx answer (a 429 among them) without a prediction id.
    /// </summary>
    public static bool ProvesNothingCreated(Exception error) => error switch
    {
        ArgumentException => true,
        PhotonCanceledException canceled => canceled.PredictionId is null && !canceled.PredictionMayExist,
        PhotonSubmissionUncertainException => false,
        PhotonException photon => photon.PredictionId is null && photon.StatusCode is >= 400 and < 500,
        _ => false,
    };
}
