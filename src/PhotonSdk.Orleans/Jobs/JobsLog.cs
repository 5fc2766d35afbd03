using Microsoft.Extensions.Logging;

namespace PhotonSdk.Orleans.Jobs;

/// <summary>The jobs' log messages, source-generated so that a disabled level costs nothing.</summary>
internal static partial class JobsLog
{
    [LoggerMessage(1, LogLevel.Warning, "Job {JobId}: the submit's answer was lost; a prediction may exist, and the job looks for it by its webhook and in the history. {Reason}")]
    public static partial void AnswerLost(ILogger logger, string jobId, string reason);

    [LoggerMessage(2, LogLevel.Warning, "Job {JobId}: a webhook for prediction {PredictionId} was ignored; the job holds prediction {Held}.")]
    public static partial void ForeignWebhook(ILogger logger, string jobId, string predictionId, string held);

    [LoggerMessage(3, LogLevel.Warning, "Job {JobId}: no prediction was found for its uncertain submit: {Reason}")]
    public static partial void LeftUncertain(ILogger logger, string jobId, string reason);

    [LoggerMessage(4, LogLevel.Information, "Job {JobId}: refused with 429; submitting again after {Delay}.")]
    public static partial void RateLimited(ILogger logger, string jobId, TimeSpan delay);

    [LoggerMessage(5, LogLevel.Warning, "Job {JobId}: a step failed and is tried again on the job's next wake-up.")]
    public static partial void StepFailed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(6, LogLevel.Error, "Job {JobId}: a listener failed.")]
    public static partial void ListenerFailed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(7, LogLevel.Debug, "A webhook for prediction {PredictionId} names no job (no 'job' query parameter); ignored.")]
    public static partial void WebhookWithoutJob(ILogger logger, string predictionId);
}
