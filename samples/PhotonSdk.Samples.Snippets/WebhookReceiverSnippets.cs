using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PhotonSdk.AspNetCore;

namespace PhotonSdk.Samples.Snippets;

/// <summary>The README's webhook receiver; Program runs it against the emulator.</summary>
internal static class WebhookReceiverSnippets
{
    public static WebApplication WebhookReceiver(WebApplicationBuilder builder, Jobs jobs)
    {
        builder.Services.AddPhotonClient(builder.Configuration.GetSection("Photon"));   // fetches the signing secret, once
        builder.Services.AddPhotonWebhooks();
        var app = builder.Build();

        app.MapPhotonWebhooks("/photon/webhooks", async (PhotonWebhook webhook, CancellationToken cancellationToken) =>
        {
            // Record or queue the work and return; throwing answers 500 and leaves the delivery unhandled.
            await jobs.CompleteAsync(webhook.Query["job"].ToString(), webhook.Prediction, cancellationToken);
        });
        return app;
    }

    /// <summary>Stands in for an application's own job records: each completion is read back by Program.</summary>
    internal sealed class Jobs
    {
        private readonly Channel<string> _completed = Channel.CreateUnbounded<string>();

        public async Task CompleteAsync(string job, PredictionSummary prediction, CancellationToken cancellationToken) =>
            await _completed.Writer.WriteAsync($"job {job}: {prediction.Id} is {prediction.Status}, {string.Join(", ", prediction.Outputs)}", cancellationToken);

        public Task<string> NextAsync() => _completed.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
    }
}
