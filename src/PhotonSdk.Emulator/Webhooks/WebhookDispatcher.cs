using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using PhotonSdk.Emulator.Hosting;

namespace PhotonSdk.Emulator.Webhooks;

/// <summary>
/// Delivers webhooks when predictions finish. Only predictions that asked for one are queued, ordered by finish
/// time; one loop sleeps (on the emulator's clock) until the earliest is due, so thousands of predictions in flight
/// cost one timer, not one each. The fault options drop a share of deliveries and send a share twice.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private const int MaxConcurrentDeliveries = 32;
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxSleep = TimeSpan.FromDays(1);

    private readonly TimeProvider _time;
    private readonly WebhookSigner _signer;
    private readonly Func<string, byte[]?> _bodyOf;
    private readonly Faults.FaultInjector _faults;
    private long _dropped;
    private long _duplicated;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly PriorityQueue<PendingWebhook, DateTimeOffset> _queue = new();
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _wakeUp = new(0);
    private readonly SemaphoreSlim _deliverySlots = new(MaxConcurrentDeliveries);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    /// <param name="time">The emulator's clock.</param>
    /// <param name="signer">Signs each body.</param>
    /// <param name="bodyOf">The body to send for a prediction id, or null when the prediction no longer exists.</param>
    /// <param name="logger">Where failed deliveries are reported.</param>
    /// <param name="faults">Which deliveries are dropped or sent twice.</param>
    public WebhookDispatcher(TimeProvider time, WebhookSigner signer, Func<string, byte[]?> bodyOf, ILogger logger, Faults.FaultInjector faults)
    {
        _faults = faults;
        _time = time;
        _signer = signer;
        _bodyOf = bodyOf;
        _logger = logger;
        _http = CreateClient();
        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    /// <summary>How many deliveries the fault options dropped.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>How many deliveries the fault options sent twice.</summary>
    public long Duplicated => Interlocked.Read(ref _duplicated);

    /// <summary>
    /// Queues delivery of prediction <paramref name="predictionId"/> to <paramref name="url"/> at <paramref name="due"/>,
    /// unless the fault options drop it; a delivery they duplicate is queued again for later.
    /// </summary>
    public void Schedule(string predictionId, Uri url, DateTimeOffset due)
    {
        var (dropped, duplicated) = _faults.NextWebhook();
        if (dropped)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        if (duplicated)
        {
            Interlocked.Increment(ref _duplicated);
            Enqueue(predictionId, url, due + _faults.WebhookDuplicateDelay);
        }

        Enqueue(predictionId, url, due);
    }

    private void Enqueue(string predictionId, Uri url, DateTimeOffset due)
    {
        bool sooner;
        lock (_gate)
        {
            // The loop only needs waking when this webhook is due before the one it is sleeping for.
            sooner = !_queue.TryPeek(out _, out var head) || due < head;
            _queue.Enqueue(new PendingWebhook(predictionId, url), due);
        }

        if (sooner)
        {
            _wakeUp.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
            await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping cancels waits and deliveries; nothing is left to report.
        }

        _http.Dispose();
        _wakeUp.Dispose();
        _deliverySlots.Dispose();
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            PendingWebhook? next = null;
            DateTimeOffset? sleepUntil = null;
            var now = _time.GetUtcNow();
            lock (_gate)
            {
                if (_queue.TryPeek(out _, out var due))
                {
                    if (due <= now)
                    {
                        next = _queue.Dequeue();
                    }
                    else
                    {
                        sleepUntil = due;
                    }
                }
            }

            if (sleepUntil is { } wakeAt)
            {
                await SleepUntilAsync(wakeAt, stopping).ConfigureAwait(false);
                continue;
            }

            if (next is null)
            {
                await _wakeUp.WaitAsync(stopping).ConfigureAwait(false);
                continue;
            }

            await _deliverySlots.WaitAsync(stopping).ConfigureAwait(false);
            var delivery = DeliverAsync(next, stopping);
            _inFlight.TryAdd(delivery, 0);
            _ = delivery.ContinueWith(done => _inFlight.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Waits until <paramref name="due"/> or until a webhook is scheduled, which may be due sooner.</summary>
    private async Task SleepUntilAsync(DateTimeOffset due, CancellationToken stopping)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        // Capped because a timer cannot run for more than about 49 days; the loop simply sleeps again.
        var timer = Task.Delay(Clamp(due - _time.GetUtcNow(), TimeSpan.Zero, MaxSleep), _time, wake.Token);

        // The clock may have moved between reading it and arming the timer; checking again after arming means an
        // advance can never be missed (it either fires the armed timer or is seen here).
        if (_time.GetUtcNow() < due)
        {
            var signal = _wakeUp.WaitAsync(wake.Token);
            await Task.WhenAny(timer, signal).ConfigureAwait(false);
            stopping.ThrowIfCancellationRequested();
            await wake.CancelAsync().ConfigureAwait(false);

            // A wake-up consumed here is not lost: the loop reads the queue again anyway.
            await Task.WhenAll(Swallow(timer), Swallow(signal)).ConfigureAwait(false);
        }
        else
        {
            await wake.CancelAsync().ConfigureAwait(false);
            await Swallow(timer).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(PendingWebhook webhook, CancellationToken stopping)
    {
        try
        {
            var body = _bodyOf(webhook.PredictionId);
            if (body is null)
            {
                return;
            }

            var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add("webhook-id", webhook.PredictionId);
            request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", _signer.Sign(webhook.PredictionId, timestamp, body));
            using var response = await _http.SendAsync(request, stopping).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                EmulatorLog.WebhookRejected(_logger, webhook.PredictionId, webhook.Url, (int)response.StatusCode);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stopping.IsCancellationRequested)
        {
            EmulatorLog.WebhookFailed(_logger, webhook.PredictionId, webhook.Url, ex);
        }
        finally
        {
            _deliverySlots.Release();
        }
    }

    [SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "The client owns the handler and disposes it.")]
    private static HttpClient CreateClient() =>
        new(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = DeliveryTimeout }, disposeHandler: true) { Timeout = DeliveryTimeout };

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;

    private static async Task Swallow(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The losing wait was cancelled on purpose.
        }
    }

    private sealed record PendingWebhook(string PredictionId, Uri Url);
}
