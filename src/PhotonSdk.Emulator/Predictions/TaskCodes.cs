namespace PhotonSdk.Emulator.Predictions;

/// <summary>Task-level codes (<c>data.code</c>) from the API's error-code table, and the text that goes with them.</summary>
internal static class TaskCodes
{
    public const int Ok = 0;
    public const int ContentModeration = 1200;
    public const int MissingParameter = 1400;
    public const int InvalidParameter = 1401;
    public const int MediaUrlNotAccessible = 1402;
    public const int TaskExecutionFailed = 1403;
    public const int TaskFailed = 1405;
    public const int InternalError = 5000;
    public const int ServiceUnavailable = 5003;
    public const int Timeout = 5004;

    /// <summary>The <c>error</c> text of a prediction that failed with <paramref name="code"/>.</summary>
    public static string FailureMessage(int code) => code switch
    {
        ContentModeration => "Content moderation: the prompt or output was flagged as inappropriate.",
        MediaUrlNotAccessible => "Media URL is not accessible.",
        TaskExecutionFailed => "Task execution failed.",
        TaskFailed => "Task failed.",
        InternalError => "Internal server error.",
        ServiceUnavailable => "Service temporarily unavailable, please retry later.",
        _ => "Prediction failed.",
    };
}
