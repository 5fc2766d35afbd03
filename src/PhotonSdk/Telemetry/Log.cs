using Microsoft.Extensions.Logging;

namespace PhotonSdk.Telemetry;

/// <summary>The SDK's log messages, source-generated so that a disabled level costs nothing.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Submitted prediction {PredictionId} to {Model}.")]
    public static partial void Submitted(ILogger logger, string predictionId, string model);

    [LoggerMessage(2, LogLevel.Debug, "Submitting to {Model} with prompt: {Prompt}")]
    public static partial void SubmittingWithPrompt(ILogger logger, string model, string prompt);

    [LoggerMessage(3, LogLevel.Information, "Prediction {PredictionId} completed on {Model} in {Seconds:0.###} s after {Polls} polls; cost {CostUsd} USD.")]
    public static partial void Completed(ILogger logger, string predictionId, string model, double seconds, int polls, decimal? costUsd);

    [LoggerMessage(4, LogLevel.Debug, "Prediction {PredictionId} is {Status} (poll {Poll}).")]
    public static partial void Polled(ILogger logger, string predictionId, string status, int poll);

    [LoggerMessage(5, LogLevel.Warning, "Prediction {PredictionId} on {Model} ended as {Outcome}.")]
    public static partial void Failed(ILogger logger, string? predictionId, string? model, string outcome, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "Retrying a request (attempt {Attempt}) in {DelayMs:0} ms after {Reason}.")]
    public static partial void Retrying(ILogger logger, int attempt, double delayMs, string reason);

    [LoggerMessage(7, LogLevel.Information, "Model {Requested} is overloaded; submitting to {Fallback} instead.")]
    public static partial void FallingBack(ILogger logger, string requested, string fallback);
}
