namespace PhotonSdk.Cli.Errors;

/// <summary>
/// The process exit codes, one per failure class, so that scripts can tell a bad prompt from a bad key from a
/// prediction worth resuming. <see cref="All"/> is what <c>--help</c> prints.
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Unexpected = 1;
    public const int InvalidInput = 2;
    public const int Authentication = 3;
    public const int RateLimited = 4;
    public const int ContentModeration = 5;
    public const int PredictionFailed = 6;
    public const int WaitTimedOut = 7;
    public const int SubmissionUncertain = 8;
    public const int ServerOrNetwork = 9;
    public const int PredictionNotFound = 10;
    public const int SomeBatchPromptsFailed = 11;
    public const int NotSaved = 12;
    public const int Cancelled = 130;

    public static IReadOnlyList<(int Code, string Meaning)> All { get; } =
    [
        (Success, "success"),
        (Unexpected, "unexpected error"),
        (InvalidInput, "invalid usage or input (bad option, empty prompt, unknown model, input refused by the API)"),
        (Authentication, "the API key was refused"),
        (RateLimited, "rate limited after retries; try again later"),
        (ContentModeration, "refused by content moderation; rephrase the prompt"),
        (PredictionFailed, "the prediction failed, was cancelled or timed out on the server"),
        (WaitTimedOut, "the wait timed out; the prediction may still finish (resume: photon get <id>)"),
        (SubmissionUncertain, "the submit may or may not have created a prediction; check photon history"),
        (ServerOrNetwork, "server or network error; usually transient"),
        (PredictionNotFound, "no prediction with that id (kept 7 days)"),
        (SomeBatchPromptsFailed, "batch: some prompts have no image (failed, uncertain, skipped by `--max-cost`, not saved; the summary and the manifest list them)"),
        (NotSaved, "the image was made and billed but could not be saved (fetch it: photon get <id> --out PATH)"),
        (Cancelled, "cancelled (Ctrl+C); a submitted prediction keeps running (resume: photon get <id>)"),
    ];
}
