using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using PhotonSdk.Errors;
using PhotonSdk.Rest;
using PhotonSdk.Telemetry;
using PhotonSdk.Transport;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PhotonSdk.Resilience;

/// <summary>
/// The one resilience policy of every request the SDK sends to the API (and of an upload's PUT), whether the client was
/// built by hand or by dependency injection. It reads each request's <see cref="RequestMark"/>: a read is sent again
/// after a transient failure (408, 429, 500, 502, 503, 504, a network error, an attempt timeout, a body cut off or not
/// JSON); a submit only when the server provably did not take it (429, or no connection was made), since anything else
/// could create and bill a second prediction. 429 and 503 wait for <c>Retry-After</c>, capped. Each attempt is bounded,
/// a sync-mode submit by its own longer bound, and reads its whole body within that bound. What still fails after
/// that becomes the SDK's exception: a submit that may have been taken is a
/// <see cref="PhotonSubmissionUncertainException"/>.
/// </summary>
internal sealed class RequestPolicy
{
    // Set by a retry only, so that a first attempt (almost every request) costs no property write.
    private static readonly ResiliencePropertyKey<bool> RetryingKey = new("photon.retrying");

    // One pipeline per kind of request, so that deciding what to retry and how long an attempt may take needs nothing
    // per request (ResilienceOverheadBenchmarks and PredictionBenchmarks measure it).
    private readonly ResiliencePipeline<HttpResponseMessage> _reads;
    private readonly ResiliencePipeline<HttpResponseMessage> _submits;
    private readonly ResiliencePipeline<HttpResponseMessage> _syncSubmits;
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxRetryAfter;
    private readonly long _maxResponseBytes;

    public RequestPolicy(RetryOptions retry, TimeProvider time, ILogger logger, ApiKey key, long maxResponseBytes)
    {
        Key = key;
        _time = time;
        _maxRetryAfter = retry.MaxRetryAfter;
        _maxResponseBytes = maxResponseBytes;
        _reads = Build(retry, time, logger, RequestKind.Read, retry.AttemptTimeout);
        _submits = Build(retry, time, logger, RequestKind.Submit, retry.AttemptTimeout);
        _syncSubmits = Build(retry, time, logger, RequestKind.Submit, retry.SyncAttemptTimeout);
    }

    public ApiKey Key { get; }

    public ErrorContext Context(RequestMark mark) => new(mark.Describe(), Key, mark.PredictionId, mark.ModelId);

    /// <summary>
    /// Sends a request under the policy. An API request's answer comes back with its body read
    /// (<see cref="BufferedBody"/>) and a success status; any failure is thrown as the SDK's exception. A request outside
    /// the API comes back with whatever status it ended with.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, RequestMark mark, CancellationToken cancellationToken)
    {
        if (mark.Kind == RequestKind.Submit && cancellationToken.IsCancellationRequested)
        {
            throw new PhotonCanceledException(
                $"{mark.Describe()} was cancelled before the request was sent; no prediction was created.", null, predictionMayExist: false, null, cancellationToken);
        }

        var pipeline = mark.Kind == RequestKind.Read ? _reads : mark.SyncMode ? _syncSubmits : _submits;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        HttpResponseMessage response;
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static (context, state) => state.Policy.AttemptAsync(state.Client, state.Request, state.Mark, context),
                context,
                (Policy: this, Client: client, Request: request, Mark: mark)).ConfigureAwait(false);
            outcome.ThrowIfException();
            response = outcome.Result!;
        }
        catch (Exception e) when (mark.IsApi && Translate(e, mark, cancellationToken) is { } translated)
        {
            throw translated;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (!mark.IsApi) return response;
        if (!response.IsSuccessStatusCode)
        {
            using (response) throw FromStatus(response, mark);
        }

        return response;
    }

    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(HttpClient client, HttpRequestMessage request, RequestMark mark, ResilienceContext context)
    {
        // HttpClient sends a message once; a retry sends a copy (only retries pay for it). The copy shares the content
        // that the caller disposes with the original, and the response refers to it until then.
#pragma warning disable CA2000
        var message = context.Properties.TryGetValue(RetryingKey, out _) ? RequestCopy.Of(request) : request;
#pragma warning restore CA2000
        HttpResponseMessage? response = null;
        try
        {
            response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, context.CancellationToken).ConfigureAwait(false);
            if (!mark.IsApi) return Outcome.FromResult(response);
            await BufferedBody.ReplaceAsync(response, mark, _maxResponseBytes, _time.GetTimestamp(), context.CancellationToken).ConfigureAwait(false);
            var body = (BufferedBody)response.Content;
            if (mark.Kind == RequestKind.Read && response.IsSuccessStatusCode && !body.LooksComplete)
            {
                var unreadable = new UnreadableBodyException((int)response.StatusCode, body.Text);
                response.Dispose();
                return Outcome.FromException<HttpResponseMessage>(unreadable);
            }

            return Outcome.FromResult(response);
        }
#pragma warning disable CA1031 // Every failure of an attempt becomes its outcome; ShouldRetry and Translate judge it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            response?.Dispose();
            return Outcome.FromException<HttpResponseMessage>(e);
        }
    }

    private ResiliencePipeline<HttpResponseMessage> Build(RetryOptions retry, TimeProvider time, ILogger logger, RequestKind kind, TimeSpan attemptTimeout)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxRetryAttempts,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retry.UseJitter,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, kind)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfterOf(args.Outcome.Result)),
                OnRetry = args =>
                {
                    Log.Retrying(logger, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, Reason(args.Outcome));
                    args.Outcome.Result?.Dispose();
                    args.Context.Properties.Set(RetryingKey, true);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(attemptTimeout).Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, RequestKind kind)
    {
        var read = kind == RequestKind.Read;
        return outcome switch
        {
            { Exception: { } e } when IsProvablyNotSent(e) => true,
            { Exception: HttpRequestException or IOException or TimeoutRejectedException or UnreadableBodyException } => read,
            { Result.StatusCode: HttpStatusCode.TooManyRequests } => true,
            { Result.StatusCode: HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => read,
            _ => false,
        };
    }

    /// <summary>Whether the request never reached the server: no connection was made.</summary>
    private static bool IsProvablyNotSent(Exception exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError };

    private TimeSpan? RetryAfterOf(HttpResponseMessage? response) =>
        response?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable ? Capped(response.Headers.RetryAfter) : null;

    /// <summary>A <c>Retry-After</c> (seconds or an HTTP date), never negative and never above the configured cap.</summary>
    private TimeSpan? Capped(RetryConditionHeaderValue? header)
    {
        TimeSpan? delay = header?.Delta ?? (header?.Date is { } date ? date - _time.GetUtcNow() : null);
        if (delay is not { } wait) return null;
        if (wait < TimeSpan.Zero) return TimeSpan.Zero;
        return wait > _maxRetryAfter ? _maxRetryAfter : wait;
    }

    private PhotonException FromStatus(HttpResponseMessage response, RequestMark mark)
    {
        var status = (int)response.StatusCode;
        var context = Context(mark);
        var text = (response.Content as BufferedBody)?.Text;
        if (mark.Kind == RequestKind.Submit && status >= 500)
        {
            return new PhotonSubmissionUncertainException(
                $"{context.Operation}: the server answered HTTP {status} after the request was sent. The server may have created the prediction; " +
                "it was not sent again so that it is not billed twice. Check the history before submitting again.")
            {
                ModelId = context.ModelId, StatusCode = status, ResponseExcerpt = ErrorMapper.Excerpt(text, context),
            };
        }

        return ErrorMapper.FromHttp(status, text, Capped(response.Headers.RetryAfter), context);
    }

    private Exception? Translate(Exception e, RequestMark mark, CancellationToken cancellationToken)
    {
        var context = Context(mark);
        var submit = mark.Kind == RequestKind.Submit;
        return e switch
        {
            PhotonException => null,
            OperationCanceledException when cancellationToken.IsCancellationRequested => new PhotonCanceledException(
                context.PredictionId is { } id
                    ? $"{context.Operation} was cancelled. Prediction {id} keeps running on the server and is billed; resume it by its id."
                    : $"{context.Operation} was cancelled.{(submit ? " The submit request was in flight: a prediction may exist and be billed." : "")}",
                context.PredictionId, predictionMayExist: submit || context.PredictionId is not null, e, cancellationToken),
            _ when submit && !IsProvablyNotSent(e) && e is TimeoutRejectedException or HttpRequestException or IOException or InvalidDataException =>
                new PhotonSubmissionUncertainException(
                    $"{context.Operation}: {Describe(e)} after the request was sent. The server may have created the prediction; " +
                    "it was not sent again so that it is not billed twice. Check the history before submitting again.", e)
                {
                    ModelId = context.ModelId,
                },
            UnreadableBodyException unreadable => new PhotonServerException(
                $"{context.Operation}: the server's answer (HTTP {unreadable.Status}) is not the JSON the API documents.")
            {
                StatusCode = unreadable.Status, PredictionId = context.PredictionId, ModelId = context.ModelId,
                ResponseExcerpt = ErrorMapper.Excerpt(unreadable.Body, context),
            },
            TimeoutRejectedException => new PhotonServerException($"{context.Operation}: every attempt timed out.", e)
            {
                PredictionId = context.PredictionId, ModelId = context.ModelId,
            },
            HttpRequestException or IOException => new PhotonException($"{context.Operation}: {Describe(e)}.", e)
            {
                PredictionId = context.PredictionId, ModelId = context.ModelId,
            },
            // The bound on response bodies: a broken or hostile server, not a transient fault.
            InvalidDataException => new PhotonServerException($"{context.Operation}: {e.Message}", e)
            {
                PredictionId = context.PredictionId, ModelId = context.ModelId,
            },
            _ => null,
        };
    }

    private static string Describe(Exception e) => e switch
    {
        TimeoutRejectedException => "the request timed out",
        HttpRequestException http => $"the connection failed ({http.HttpRequestError}: {http.Message})",
        InvalidDataException => "the answer was larger than any real API response and was not read",
        _ => e.Message,
    };

    private static string Reason(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => $"HTTP {(int)response.StatusCode}",
        { Exception: HttpRequestException http } => $"a network error ({http.HttpRequestError})",
        { Exception: TimeoutRejectedException } => "an attempt timeout",
        { Exception: UnreadableBodyException } => "an answer that is not JSON",
        { Exception: { } e } => e.GetType().Name,
        _ => "no error",
    };

    /// <summary>A read's answer that is not one complete JSON value: retried as a transient fault, never thrown to callers.</summary>
#pragma warning disable CA1064
    private sealed class UnreadableBodyException(int status, string body) : Exception($"The answer (HTTP {status}) is not complete JSON.")
    {
        public int Status { get; } = status;

        public string Body { get; } = body;
    }
#pragma warning restore CA1064
}
