namespace PhotonSdk;

/// <summary>
/// The base of every error the SDK raises for a failed call. It carries what is known of the failed request: the HTTP
/// status, the prediction id (so that the work can be resumed), the model, the task code and a bounded excerpt of the
/// response. It never carries the API key.
/// </summary>
public class PhotonException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public PhotonException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status of the failed response, when there was one; only ever an HTTP status.</summary>
    public int? StatusCode { get; init; }

    /// <summary>
    /// The envelope's <c>code</c> when it differs from the HTTP status: an answer of HTTP 200 whose envelope reports an
    /// error (which the exception's type follows).
    /// </summary>
    public int? ApiCode { get; init; }

    /// <summary>The prediction the error concerns, when one exists; use it with <c>GetPrediction</c> to resume.</summary>
    public string? PredictionId { get; init; }

    /// <summary>The model id the request was for.</summary>
    public string? ModelId { get; init; }

    /// <summary>The task-level <c>data.code</c> (e.g. 1200 for content moderation), when the server sent one.</summary>
    public int? TaskCode { get; init; }

    /// <summary>The start of the response body (at most 512 characters), for diagnosis.</summary>
    public string? ResponseExcerpt { get; init; }
}
