using System.Net;
using System.Text.Json;
using PhotonSdk.Generated;
using Microsoft.Extensions.Logging;
using PhotonSdk.Telemetry;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PhotonSdk.Resilience;

/// <summary>
/// The two Polly pipelines every request goes through. Reads (result polls, history, balance, upload tickets) retry
/// transient failures. A submit retries only what the server provably did not take: 429, or a connection that was never
/// made. Retrying anything else could create and bill a second prediction.
/// </summary>
internal sealed class ResiliencePipelines
{
    private static readonly HashSet<int> TransientStatuses = [408, 429, 500, 502, 503, 504];

    public ResiliencePipelines(RetryOptions options, TimeProvider timeProvider, ILogger logger)
    {
        Read = Build(options, timeProvider, logger, options.AttemptTimeout, IsTransientRead);
        Submit = Build(options, timeProvider, logger, options.AttemptTimeout, IsProvablyNotAccepted);
        SyncSubmit = Build(options, timeProvider, logger, options.SyncAttemptTimeout, IsProvablyNotAccepted);
    }

    public ResiliencePipeline Read { get; }

    public ResiliencePipeline Submit { get; }

    public ResiliencePipeline SyncSubmit { get; }

    /// <summary>Whether an exception says that the request never reached the server, or reached it and was refused unprocessed.</summary>
    internal static bool IsProvablyNotAccepted(Exception exception) => exception switch
    {
        ApiException { StatusCode: 429 } => true,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => true,
        _ => false,
    };

    internal static bool IsTransientRead(Exception exception) => exception switch
    {
        ApiException { StatusCode: var status } api when TransientStatuses.Contains(status) || api.InnerException is JsonException => true,
        HttpRequestException => true,
        TimeoutRejectedException => true,
        IOException => true,
        _ => false,
    };

    private static string Reason(Exception? exception) => exception switch
    {
        ApiException api => $"HTTP {api.StatusCode}",
        HttpRequestException http => $"a network error ({http.HttpRequestError})",
        TimeoutRejectedException => "an attempt timeout",
        null => "no error",
        _ => exception.GetType().Name,
    };

    private static ResiliencePipeline Build(
        RetryOptions options, TimeProvider timeProvider, ILogger logger, TimeSpan attemptTimeout, Func<Exception, bool> shouldRetry)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && shouldRetry(e)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is ApiException { StatusCode: (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.ServiceUnavailable } api
                        ? RetryAfter.Parse(api.Headers, timeProvider.GetUtcNow(), options.MaxRetryAfter)
                        : null),
                OnRetry = args =>
                {
                    Log.Retrying(logger, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, Reason(args.Outcome.Exception));
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(attemptTimeout).Build();
    }
}
