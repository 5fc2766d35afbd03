namespace PhotonSdk.Rest;

/// <summary>Whether a request may be sent again: a read may, a submit (which creates and bills a prediction) may not.</summary>
internal enum RequestKind
{
    Read,
    Submit,
}

/// <summary>
/// What the SDK's resilience policy knows of a request: its operation (the spec's <c>operationId</c>), whether it is a
/// submit or a read, whether it holds the connection open in sync mode, the model it submits to and its first path
/// parameter. Submits are the operations the spec binds to a model (<c>x-wavespeed-model</c>); every other operation
/// is a read. Requests outside the API (an upload's PUT to storage) have no operation and are not mapped to errors.
/// </summary>
internal readonly record struct RequestMark(string? OperationId, RequestKind Kind, bool SyncMode, string? ModelId, string? Subject)
{
    /// <summary>The mark of a generated operation.</summary>
    public static RequestMark ForOperation(string operationId, object? body, string? subject) =>
        SubmitOperations.ModelOf(operationId) is { } model
            ? new RequestMark(operationId, RequestKind.Submit, SubmitOperations.AsksForSyncMode(body), model, subject)
            : new RequestMark(operationId, RequestKind.Read, SyncMode: false, ModelId: null, subject);

    /// <summary>A request to a host outside the API (storage, CDN) that is safe to send again.</summary>
    public static RequestMark ExternalRead { get; } = new(null, RequestKind.Read, SyncMode: false, ModelId: null, Subject: null);

    /// <summary>Whether the request is an API operation, whose body is an envelope and whose failures are mapped.</summary>
    public bool IsApi => OperationId is not null;

    /// <summary>The prediction the request is about, when it reads one.</summary>
    public string? PredictionId => Kind == RequestKind.Read && OperationId == "getPredictionResult" ? Subject : null;

    /// <summary>What the request does, as error messages say it.</summary>
    public string Describe() => OperationId switch
    {
        _ when Kind == RequestKind.Submit => $"Submitting to {ModelId}",
        "getPredictionResult" => $"Reading prediction {Subject}",
        "listPredictions" => "Reading the history",
        "deletePredictions" => "Deleting predictions",
        "createUpload" => "Asking for an upload ticket",
        "uploadBinary" => "Uploading a file (multipart)",
        "getBalance" => "Reading the balance",
        "getWebhookSecret" => "Reading the webhook secret",
        null => "Sending a request",
        _ => $"Calling {OperationId}",
    };
}
