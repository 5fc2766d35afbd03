using Microsoft.AspNetCore.Http;

namespace PhotonSdk.AspNetCore;

/// <summary>A verified WaveSpeed webhook delivery, as a handler receives it.</summary>
public sealed class PhotonWebhook
{
    /// <summary>Creates a delivery; the receiver makes these, tests of a handler may too.</summary>
    /// <param name="id">The <c>webhook-id</c> header.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> header, as a time.</param>
    /// <param name="prediction">The prediction the body carries.</param>
    /// <param name="query">The query string of the URL the delivery was posted to; empty when <see langword="null"/>.</param>
    public PhotonWebhook(string id, DateTimeOffset timestamp, PredictionSummary prediction, IQueryCollection? query = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(prediction);
        Id = id;
        Timestamp = timestamp;
        Prediction = prediction;
        Query = query ?? QueryCollection.Empty;
    }

    /// <summary>
    /// The delivery id (<c>webhook-id</c>), the key duplicates are recognised by. The emulator uses the prediction id;
    /// WaveSpeed does not document what it uses.
    /// </summary>
    public string Id { get; }

    /// <summary>When the sender signed the delivery (<c>webhook-timestamp</c>).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The finished prediction: id, model, status, outputs, error and the input it was submitted with.</summary>
    public PredictionSummary Prediction { get; }

    /// <summary>
    /// The query string of the URL the delivery was posted to, e.g. the <c>?job=42</c> put into
    /// <see cref="GenerationOptions.Webhook"/> to tie a delivery to the caller's own record. A copy: it stays valid
    /// after the request ends.
    /// </summary>
    public IQueryCollection Query { get; }
}
