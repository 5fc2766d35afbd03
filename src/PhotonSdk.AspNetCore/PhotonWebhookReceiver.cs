using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PhotonSdk.AspNetCore;

/// <summary>
/// One delivery, start to answer: content type, bounded body, signature and time window (the SDK's
/// <see cref="WebhookVerifier"/>), duplicate check, then the handler. Every refusal happens before the handler runs;
/// the delivery id is recorded as handled only after the handler returns.
/// </summary>
internal sealed class PhotonWebhookReceiver
{
    private readonly PhotonWebhookOptions _options;
    private readonly WebhookVerifierSource _verifiers;
    private readonly IPhotonWebhookDeliveryStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public PhotonWebhookReceiver(
        IOptions<PhotonWebhookOptions> options,
        WebhookVerifierSource verifiers,
        IPhotonWebhookDeliveryStore store,
        TimeProvider time,
        ILogger<PhotonWebhookReceiver> logger)
    {
        _options = options.Value;
        _verifiers = verifiers;
        _store = store;
        _time = time;
        _logger = logger;
    }

    public async Task ReceiveAsync(HttpContext context, Func<HttpContext, PhotonWebhook, CancellationToken, Task> handle)
    {
        var request = context.Request;
        var aborted = context.RequestAborted;

        // Checked before the body is read: a sender of something else is told so without the server reading it.
        if (!request.HasJsonContentType())
        {
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "A webhook delivery is JSON (Content-Type: application/json).").ConfigureAwait(false);
            return;
        }

        var body = await BoundedBody.ReadAsync(request, (int)_options.MaxBodyBytes, aborted).ConfigureAwait(false);
        if (body is null)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {_options.MaxBodyBytes} bytes.").ConfigureAwait(false);
            return;
        }

        if (await GetVerifierAsync(aborted).ConfigureAwait(false) is not { } verifier)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        var headers = request.Headers;
        string? id = headers[WebhookVerifier.IdHeader], timestamp = headers[WebhookVerifier.TimestampHeader];
        PredictionSummary prediction;
        try
        {
            prediction = verifier.Verify(id, timestamp, headers[WebhookVerifier.SignatureHeader], body);
        }
        catch (PhotonWebhookException e)
        {
            // Bad signature, stale or future-dated, missing headers, or a body that is no prediction: nothing in it is trusted.
            await RefuseAsync(context, StatusCodes.Status400BadRequest, e.Message).ConfigureAwait(false);
            return;
        }

        // The verifier accepted both, so both are present and the timestamp is a number of seconds.
        var webhook = new PhotonWebhook(
            id!,
            DateTimeOffset.FromUnixTimeSeconds(long.Parse(timestamp!, NumberStyles.None, CultureInfo.InvariantCulture)),
            prediction,
            new QueryCollection(request.Query.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase)));

        switch (await _store.TryClaimAsync(webhook.Id, aborted).ConfigureAwait(false))
        {
            case PhotonWebhookClaim.AlreadyHandled:
                WebhookLog.Duplicate(_logger, webhook.Id, prediction.Id);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            case PhotonWebhookClaim.InProgress:
                // Not 2xx: if the request handling it now fails, this copy must still be delivered again.
                WebhookLog.InProgress(_logger, webhook.Id, prediction.Id);
                context.Response.StatusCode = StatusCodes.Status409Conflict;
                return;
        }

        context.Response.StatusCode = await HandleClaimedAsync(context, webhook, handle).ConfigureAwait(false);
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Whatever the handler throws, the claim must be given back and the sender told to retry.")]
    private async Task<int> HandleClaimedAsync(HttpContext context, PhotonWebhook webhook, Func<HttpContext, PhotonWebhook, CancellationToken, Task> handle)
    {
        using var timeout = _options.HandlerTimeout is { } limit ? new CancellationTokenSource(limit, _time) : new CancellationTokenSource();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, timeout.Token);
        try
        {
            await handle(context, webhook, cancellation.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Given back before answering, so a redelivery that follows the answer at once finds the id free.
            await _store.ReleaseAsync(webhook.Id, CancellationToken.None).ConfigureAwait(false);
            var status = e is OperationCanceledException && timeout.IsCancellationRequested
                ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status500InternalServerError;
            WebhookLog.HandlerFailed(_logger, webhook.Id, webhook.Prediction.Id, status, e);
            return status;
        }

        // Not cancellable: the handler's work is done, and forgetting to record it would only cause a second run.
        await _store.MarkHandledAsync(webhook.Id, CancellationToken.None).ConfigureAwait(false);
        WebhookLog.Handled(_logger, webhook.Id, webhook.Prediction.Id, webhook.Prediction.Status);
        return StatusCodes.Status204NoContent;
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Any failure to fetch the secret is answered 503 and retried at the next delivery.")]
    private async Task<WebhookVerifier?> GetVerifierAsync(CancellationToken aborted)
    {
        try
        {
            return await _verifiers.GetAsync(aborted).ConfigureAwait(false);
        }
        catch (Exception e) when (!aborted.IsCancellationRequested)
        {
            WebhookLog.SecretUnavailable(_logger, e);
            return null;
        }
    }

    private Task RefuseAsync(HttpContext context, int statusCode, string reason)
    {
        WebhookLog.Refused(_logger, statusCode, reason);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(reason, context.RequestAborted);
    }
}
