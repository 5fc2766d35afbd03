using System.Collections.Concurrent;
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

    private readonly RetryOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    // Typed pipelines skip the conversion of every outcome to and from object that an untyped one does per request.
    private readonly ConcurrentDictionary<Type, object> _typedReads = new();
    private readonly ResiliencePipeline<PredictionResponse> _readPrediction;

    public ResiliencePipelines(RetryOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        Read = Build(options, timeProvider, logger, options.AttemptTimeout, IsTransientRead);
        Submit = Build<PredictionResponse>(options, timeProvider, logger, options.AttemptTimeout, IsProvablyNotAccepted);
        SyncSubmit = Build<PredictionResponse>(options, timeProvider, logger, options.SyncAttemptTimeout, IsProvablyNotAccepted);
        _readPrediction = Build<PredictionResponse>(options, timeProvider, logger, options.AttemptTimeout, IsTransientRead);
    }

    /// <summary>Reads whose result is not a typed response, such as an upload's PUT.</summary>
    public ResiliencePipeline Read { get; }

    public ResiliencePipeline<PredictionResponse> Submit { get; }

    public ResiliencePipeline<PredictionResponse> SyncSubmit { get; }

    /// <summary>The read pipeline for operations that answer <typeparamref name="T"/>; built once per type.</summary>
    public ResiliencePipeline<T> ReadOf<T>()
    {
        // Result polls, by far the most frequent read, skip the lookup.
        if (typeof(T) == typeof(PredictionResponse)) return (ResiliencePipeline<T>)(object)_readPrediction;
        return (ResiliencePipeline<T>)_typedReads.GetOrAdd(
            typeof(T),
            static (_, self) => Build<T>(self._options, self._timeProvider, self._logger, self._options.AttemptTimeout, IsTransientRead),
            this);
    }

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
            var retry = new RetryStrategyOptions();
            Configure(retry, options, timeProvider, logger, shouldRetry);
            builder.AddRetry(retry);
        }

        return builder.AddTimeout(attemptTimeout).Build();
    }

    private static ResiliencePipeline<T> Build<T>(
        RetryOptions options, TimeProvider timeProvider, ILogger logger, TimeSpan attemptTimeout, Func<Exception, bool> shouldRetry)
    {
        var builder = new ResiliencePipelineBuilder<T> { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            var retry = new RetryStrategyOptions<T>();
            Configure(retry, options, timeProvider, logger, shouldRetry);
            builder.AddRetry(retry);
        }

        return builder.AddTimeout(attemptTimeout).Build();
    }

    private static void Configure<T>(
        RetryStrategyOptions<T> retry, RetryOptions options, TimeProvider timeProvider, ILogger logger, Func<Exception, bool> shouldRetry)
    {
        retry.MaxRetryAttempts = options.MaxRetryAttempts;
        retry.Delay = options.BaseDelay;
        retry.MaxDelay = options.MaxDelay;
        retry.BackoffType = DelayBackoffType.Exponential;
        retry.UseJitter = options.UseJitter;
        retry.ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && shouldRetry(e));
        retry.DelayGenerator = args => ValueTask.FromResult(
            args.Outcome.Exception is ApiException { StatusCode: (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.ServiceUnavailable } api
                ? RetryAfter.Parse(api.Headers, timeProvider.GetUtcNow(), options.MaxRetryAfter)
                : null);
        retry.OnRetry = args =>
        {
            Log.Retrying(logger, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, Reason(args.Outcome.Exception));
            return ValueTask.CompletedTask;
        };
    }
}
