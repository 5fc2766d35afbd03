using PhotonSdk.Errors;
using PhotonSdk.Generated;
using PhotonSdk.Resilience;
using Polly;
using Polly.Timeout;

namespace PhotonSdk.Transport;

/// <summary>
/// Runs one generated-client operation through its resilience pipeline and turns every way it can fail into the SDK's
/// exceptions, with the envelope's <c>code</c> checked even when the HTTP status is 200.
/// </summary>
internal sealed class ApiCaller
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxRetryAfter;

    public ApiCaller(WaveSpeedApiClient client, ApiKey key, ResiliencePipelines pipelines, TimeProvider time, TimeSpan maxRetryAfter)
    {
        Client = client;
        Key = key;
        Pipelines = pipelines;
        _time = time;
        _maxRetryAfter = maxRetryAfter;
    }

    public WaveSpeedApiClient Client { get; }

    public ApiKey Key { get; }

    public ResiliencePipelines Pipelines { get; }

    public ErrorContext Context(string operation, string? predictionId = null, string? modelId = null) =>
        new(operation, Key, predictionId, modelId);

    /// <summary>A read: safe to send again, so transient failures are retried.</summary>
    public ValueTask<T> ReadAsync<T>(Func<WaveSpeedApiClient, CancellationToken, Task<T>> call, ErrorContext context, CancellationToken cancellationToken)
        where T : IApiEnvelope =>
        ReadAsync(static (client, call, token) => call(client, token), call, context, cancellationToken);

    /// <summary>A read whose call takes its arguments as state, so that a frequent read allocates no closure.</summary>
    public async ValueTask<T> ReadAsync<T, TState>(
        Func<WaveSpeedApiClient, TState, CancellationToken, Task<T>> call, TState state, ErrorContext context, CancellationToken cancellationToken)
        where T : IApiEnvelope
    {
        try
        {
            var response = await Pipelines.ReadOf<T>().ExecuteAsync(
                static (args, token) => new ValueTask<T>(args.call(args.Client, args.state, token)), (call, state, Client), cancellationToken).ConfigureAwait(false);
            return CheckEnvelope(response, context);
        }
        catch (Exception e) when (Translate(e, context, predictionMayExist: context.PredictionId is not null, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>
    /// A submit: sent again only when the server provably did not take it. Any other failure after the request left
    /// becomes <see cref="PhotonSubmissionUncertainException"/>.
    /// </summary>
    public async ValueTask<PredictionResponse> SubmitAsync<TState>(
        Func<WaveSpeedApiClient, TState, CancellationToken, Task<PredictionResponse>> call, TState state, bool syncMode, ErrorContext context, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            throw new PhotonCanceledException(
                $"{context.Operation} was cancelled before the request was sent; no prediction was created.", null, predictionMayExist: false, null, cancellationToken);
        }

        var pipeline = syncMode ? Pipelines.SyncSubmit : Pipelines.Submit;
        try
        {
            var response = await pipeline.ExecuteAsync(
                static (args, token) => new ValueTask<PredictionResponse>(args.call(args.Client, args.state, token)), (call, state, Client), cancellationToken).ConfigureAwait(false);
            // A server error reported in the envelope of a 200 is as ambiguous as one reported by the HTTP status.
            if (response.Code is >= 500 and < 600) throw UncertainEnvelope(response, context);
            return CheckEnvelope(response, context);
        }
        catch (Exception e) when (e is not PhotonException && IsAmbiguousSubmitFailure(e, cancellationToken))
        {
            throw new PhotonSubmissionUncertainException(
                $"{context.Operation}: {Describe(e)} after the request was sent. The server may have created the prediction; " +
                "it was not sent again so that it is not billed twice. Check the history before submitting again.", ErrorMapper.Sanitize(e))
            {
                ModelId = context.ModelId,
                StatusCode = (e as ApiException)?.StatusCode,
                ResponseExcerpt = ErrorMapper.Excerpt((e as ApiException)?.Response, context),
            };
        }
        catch (Exception e) when (Translate(e, context, predictionMayExist: !ResiliencePipelines.IsProvablyNotAccepted(e), cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    private static bool IsAmbiguousSubmitFailure(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => false,
        _ when ResiliencePipelines.IsProvablyNotAccepted(e) => false,
        // A 5xx and an unreadable 200 both come from a server that may have created the task before failing.
        ApiException { StatusCode: var status } api => status >= 500 || status is >= 200 and < 300 || api.InnerException is System.Text.Json.JsonException,
        TimeoutRejectedException or HttpRequestException or IOException or InvalidDataException => true,
        _ => false,
    };

    /// <summary>Maps a failure of a request made outside the generated client (an upload's PUT) as a read's would be.</summary>
    internal Exception? Translate(Exception e, ErrorContext context, CancellationToken cancellationToken) =>
        Translate(e, context, predictionMayExist: context.PredictionId is not null, cancellationToken);

    private Exception? Translate(Exception e, ErrorContext context, bool predictionMayExist, CancellationToken cancellationToken) => e switch
    {
        PhotonException => null,
        OperationCanceledException when cancellationToken.IsCancellationRequested => new PhotonCanceledException(
            context.PredictionId is null
                ? $"{context.Operation} was cancelled.{(predictionMayExist ? " The submit request was in flight: a prediction may exist and be billed." : "")}"
                : $"{context.Operation} was cancelled. Prediction {context.PredictionId} keeps running on the server and is billed; resume it by its id.",
            context.PredictionId, predictionMayExist, e, cancellationToken),
        ApiException api => ErrorMapper.FromHttp(api, context, _time.GetUtcNow(), _maxRetryAfter),
        TimeoutRejectedException => new PhotonServerException($"{context.Operation}: every attempt timed out.", e)
        {
            PredictionId = context.PredictionId, ModelId = context.ModelId,
        },
        HttpRequestException or IOException => new PhotonException($"{context.Operation}: {Describe(e)}.", e)
        {
            PredictionId = context.PredictionId, ModelId = context.ModelId,
        },
        // The bound on response bodies (BoundedContent): a broken or hostile server, not a transient fault.
        InvalidDataException => new PhotonServerException($"{context.Operation}: {e.Message}", e)
        {
            PredictionId = context.PredictionId, ModelId = context.ModelId,
        },
        _ => null,
    };

    private static PhotonSubmissionUncertainException UncertainEnvelope(PredictionResponse response, ErrorContext context)
    {
        var message = string.IsNullOrWhiteSpace(response.Message) ? "" : $" ({context.Key.Redact(response.Message)})";
        return new PhotonSubmissionUncertainException(
            $"{context.Operation}: the server answered HTTP 200 with code {response.Code}{message}. The server may have created the prediction; " +
            "it was not sent again so that it is not billed twice. Check the history before submitting again.")
        {
            ModelId = context.ModelId,
            StatusCode = response.Code,
            PredictionId = string.IsNullOrEmpty(response.Data?.Id) ? null : response.Data.Id,
        };
    }

    /// <summary>HTTP 200 with an envelope <c>code</c> other than 200 is an error; official clients treat it so.</summary>
    private static T CheckEnvelope<T>(T response, ErrorContext context)
        where T : IApiEnvelope =>
        response.Code is 200 ? response : throw ErrorMapper.FromEnvelope(response.Code, response.Message, context);

    private static string Describe(Exception e) => e switch
    {
        TimeoutRejectedException => "the request timed out",
        ApiException api when api.InnerException is System.Text.Json.JsonException => $"the answer (HTTP {api.StatusCode}) could not be read",
        ApiException { StatusCode: >= 200 and < 300 } api => $"the answer (HTTP {api.StatusCode}) had no usable body",
        ApiException api => $"the server answered HTTP {api.StatusCode}",
        HttpRequestException http => $"the connection failed ({http.HttpRequestError}: {http.Message})",
        InvalidDataException => "the answer was larger than any real API response and was not read",
        _ => e.Message,
    };
}
