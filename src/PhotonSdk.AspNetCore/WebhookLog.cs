using Microsoft.Extensions.Logging;

namespace PhotonSdk.AspNetCore;

/// <summary>The receiver's log messages, source-generated so that a disabled level costs nothing.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(1, LogLevel.Warning, "Refused a webhook delivery ({StatusCode}): {Reason}")]
    public static partial void Refused(ILogger logger, int statusCode, string reason);

    [LoggerMessage(2, LogLevel.Information, "Webhook delivery {WebhookId} (prediction {PredictionId}) was handled before; answered without handling it again.")]
    public static partial void Duplicate(ILogger logger, string webhookId, string predictionId);

    [LoggerMessage(3, LogLevel.Information, "Webhook delivery {WebhookId} (prediction {PredictionId}) is being handled by another request; answered 409.")]
    public static partial void InProgress(ILogger logger, string webhookId, string predictionId);

    [LoggerMessage(4, LogLevel.Debug, "Handled webhook delivery {WebhookId}: prediction {PredictionId} is {Status}.")]
    public static partial void Handled(ILogger logger, string webhookId, string predictionId, PredictionStatus status);

    [LoggerMessage(5, LogLevel.Error, "The webhook handler failed on delivery {WebhookId} (prediction {PredictionId}); answered {StatusCode} and left it unhandled, so a redelivery is handled.")]
    public static partial void HandlerFailed(ILogger logger, string webhookId, string predictionId, int statusCode, Exception exception);

    [LoggerMessage(6, LogLevel.Error, "The webhook signing secret could not be fetched through the Photon client; answered 503.")]
    public static partial void SecretUnavailable(ILogger logger, Exception exception);
}
