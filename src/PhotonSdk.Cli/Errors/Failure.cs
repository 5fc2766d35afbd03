namespace PhotonSdk.Cli.Errors;

/// <summary>A failure as the tool reports it: its exit code, a one-word class for tables, and the text for the user.</summary>
/// <param name="ExitCode">The process exit code of the failure's class.</param>
/// <param name="Kind">A short name of the class, e.g. <c>moderation</c>.</param>
/// <param name="Message">What happened and what to do, in one or two sentences.</param>
/// <param name="PredictionId">The prediction the failure concerns, when one exists.</param>
internal sealed record Failure(int ExitCode, string Kind, string Message, string? PredictionId)
{
    /// <summary>Classifies an exception. Anything the SDK or the tool does not name is unexpected.</summary>
    public static Failure From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var id = (exception as PhotonException)?.PredictionId;
        return exception switch
        {
            PhotonCanceledException cancelled => Cancelled(cancelled),
            PhotonImageSaveException notSaved => new(ExitCodes.NotSaved, "not saved", $"{notSaved.Message} Fetch it with: {GetCommand(notSaved)}", id),
            OperationCanceledException => new(ExitCodes.Cancelled, "cancelled", "Cancelled.", null),
            ArgumentException argument => new(ExitCodes.InvalidInput, "invalid input", WithoutParameterName(argument), null),
            FileNotFoundException or DirectoryNotFoundException => new(ExitCodes.InvalidInput, "invalid input", exception.Message, null),
            PhotonInvalidRequestException => new(ExitCodes.InvalidInput, "invalid input", exception.Message, id),
            PhotonAuthenticationException => new(ExitCodes.Authentication, "authentication", exception.Message, id),
            PhotonRateLimitedException => new(ExitCodes.RateLimited, "rate limited", exception.Message, id),
            PhotonContentModerationException => new(ExitCodes.ContentModeration, "moderation", exception.Message, id),
            PhotonPredictionFailedException => new(ExitCodes.PredictionFailed, "failed", exception.Message, id),
            PhotonWaitTimeoutException => new(ExitCodes.WaitTimedOut, "timed out", WithResumeHint(exception.Message, id), id),
            PhotonSubmissionUncertainException => new(ExitCodes.SubmissionUncertain, "uncertain", exception.Message + " List them with: photon history", id),
            PhotonPredictionNotFoundException => new(ExitCodes.PredictionNotFound, "not found", exception.Message, id),
            PhotonServerException or PhotonException or HttpRequestException =>
                new(ExitCodes.ServerOrNetwork, "server error", exception.Message, id),
            _ => new(ExitCodes.Unexpected, "unexpected", $"Unexpected error: {exception.Message.TrimEnd('.')}.", null),
        };
    }

    private static Failure Cancelled(PhotonCanceledException exception)
    {
        if (exception.PredictionId is { } id)
        {
            return new(ExitCodes.Cancelled, "cancelled",
                $"Stopped waiting. Prediction {id} keeps running on the server and is billed; resume with: photon get {id}", id);
        }

        return exception.PredictionMayExist
            ? new(ExitCodes.Cancelled, "cancelled", "Cancelled while the submit was in flight; a prediction may exist. Check with: photon history", null)
            : new(ExitCodes.Cancelled, "cancelled", "Cancelled before anything was submitted.", null);
    }

    /// <summary>The command that saves the image of the prediction again, to the place it was meant for.</summary>
    private static string GetCommand(PhotonImageSaveException notSaved) =>
        $"photon get {notSaved.PredictionId} --out {Quoted(notSaved.Path)}";

    private static string Quoted(string path) =>
        path.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '$' or '`' or '&' or ';' or '|' or '(' or ')' or '<' or '>' or '*' or '?')
            ? "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'"
            : path;

    /// <summary>The message without .NET's " (Parameter 'x')", which names code, not what the user typed.</summary>
    private static string WithoutParameterName(ArgumentException error) =>
        error.ParamName is { } name ? error.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : error.Message;

    private static string WithResumeHint(string message, string? id) =>
        id is null ? message : $"{message} Resume with: photon get {id}";
}
