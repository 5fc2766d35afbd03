using Microsoft.Extensions.Logging;

namespace PhotonSdk.Emulator.Hosting;

/// <summary>The emulator's log messages, compiled once.</summary>
internal static partial class EmulatorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Webhook for prediction {PredictionId} to {Url} was answered {StatusCode}.")]
    public static partial void WebhookRejected(ILogger logger, string predictionId, Uri url, int statusCode);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Webhook for prediction {PredictionId} to {Url} could not be delivered.")]
    public static partial void WebhookFailed(ILogger logger, string predictionId, Uri url, Exception exception);
}
