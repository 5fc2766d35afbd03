namespace PhotonSdk.Testing.Fakes;

/// <summary>The SDK's exceptions as the client raises them, with the context it attaches.</summary>
public static class PhotonErrors
{
    public static PhotonContentModerationException Moderated(string predictionId) =>
        new($"Prediction {predictionId} was refused by content moderation (task code 1200). Rephrase the prompt.") { PredictionId = predictionId, TaskCode = 1200 };

    public static PhotonRateLimitedException RateLimited(TimeSpan? retryAfter, string? predictionId = null) =>
        new("Submitting to luma/photon-flash failed with HTTP 429. The account's rate limit was reached.")
        {
            PredictionId = predictionId, StatusCode = 429, RetryAfter = retryAfter,
        };

    public static PhotonWaitTimeoutException WaitTimeout(string predictionId, TimeSpan waited) =>
        new($"Prediction {predictionId} did not finish within {waited}.", PredictionStatus.Processing, waited) { PredictionId = predictionId };

    public static PhotonAuthenticationException Unauthorized() =>
        new("Submitting to luma/photon-flash failed with HTTP 401: invalid key.") { StatusCode = 401 };

    public static PhotonServerException ServerFailed(string predictionId) =>
        new($"Prediction {predictionId} failed on the server (task code 5000). Submitting again usually works.") { PredictionId = predictionId, TaskCode = 5000 };

    public static PhotonSubmissionUncertainException Uncertain() =>
        new("Submitting to luma/photon-flash: the connection was reset after the request was sent.");

    public static PhotonPredictionNotFoundException NotFound(string predictionId) =>
        new($"Reading prediction {predictionId} failed with HTTP 404.") { PredictionId = predictionId, StatusCode = 404 };
}
