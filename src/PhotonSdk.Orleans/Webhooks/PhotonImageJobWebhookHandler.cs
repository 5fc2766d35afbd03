using Microsoft.Extensions.Logging;
using PhotonSdk.AspNetCore;
using PhotonSdk.Orleans.Jobs;

namespace PhotonSdk.Orleans.Webhooks;

/// <summary>
/// Hands each verified delivery to the job its URL names (<c>?job=&lt;id&gt;</c>), on whichever node received it:
/// the grain call reaches the job wherever it lives. Returns once the job has persisted the result, so that a failure
/// answers the sender 5xx and leaves the delivery unhandled.
/// </summary>
internal sealed class PhotonImageJobWebhookHandler(IGrainFactory grains, ILogger<PhotonImageJobWebhookHandler> logger) : IPhotonWebhookHandler
{
    public async Task HandleAsync(PhotonWebhook webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var jobId = webhook.Query[JobWebhookUrl.JobParameter].ToString();
        if (string.IsNullOrEmpty(jobId))
        {
            JobsLog.WebhookWithoutJob(logger, webhook.Prediction.Id);
            return;
        }

        await grains.GetGrain<IPhotonImageJobGrain>(jobId)
            .CompleteFromWebhookAsync(PhotonImageJobPrediction.From(webhook.Prediction))
            .WaitAsync(cancellationToken)
            .ConfigureAwait(false);
    }
}
