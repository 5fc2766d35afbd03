namespace PhotonSdk.Orleans.Jobs;

/// <summary>What a failed submit proves: the SDK's rule (the batch journal's too), that only a refusal before or at the door proves nothing was created.</summary>
internal static class SubmitEvidence
{
    /// <summary>
    /// Whether <paramref name="error"/>, thrown by a submit, proves that nothing was created: bad input caught before
    /// sending, a cancellation before the request left, or a 4xx answer (429 among them) without a prediction id.
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
