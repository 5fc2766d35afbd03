using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PhotonSdk.DependencyInjection;

/// <summary>
/// The resilience handler of the client's HttpClient. It keeps the SDK's rules at the HTTP level: reads (result GETs,
/// history, upload tickets, uploads, downloads) retry 408, 429, 5xx and network failures; a submit POST is retried only
/// when the server provably did not take it (429, or no connection was made). Attempts of a POST may last as long as
/// a sync-mode submit.
/// </summary>
internal static class PhotonHttpResilience
{
    private static readonly string[] ReadPostSuffixes = ["/api/v3/predictions", "/api/v3/predictions/delete", "/api/v3/media/uploads"];

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, RetryOptions retry, TimeProvider time)
    {
        if (retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxRetryAttempts,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retry.UseJitter,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage())),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time, retry.MaxRetryAfter)),
            });
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions
        {
            TimeoutGenerator = args => ValueTask.FromResult(
                args.Context.GetRequestMessage() is { } request && IsSubmit(request) ? retry.SyncAttemptTimeout : retry.AttemptTimeout),
        });
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        var read = request is null || IsRead(request);
        return outcome switch
        {
            { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } } => true,
            { Exception: HttpRequestException or TimeoutRejectedException } => read,
            { Result.StatusCode: HttpStatusCode.TooManyRequests } => true,
            { Result.StatusCode: var status } when status == HttpStatusCode.RequestTimeout || (int)status >= 500 => read,
            _ => false,
        };
    }

    private static bool IsRead(HttpRequestMessage request) =>
        request.Method != HttpMethod.Post ||
        ReadPostSuffixes.Any(suffix => request.RequestUri?.AbsolutePath.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) == true);

    private static bool IsSubmit(HttpRequestMessage request) => !IsRead(request);

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? delay = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (delay is null) return null;
        if (delay < TimeSpan.Zero) return TimeSpan.Zero;
        return delay > cap ? cap : delay;
    }
}
