using Microsoft.Extensions.Logging;
using PhotonSdk.Errors;
using PhotonSdk.Polling;
using PhotonSdk.Rest;
using PhotonSdk.Results;
using PhotonSdk.Routing;
using PhotonSdk.Telemetry;
using PhotonSdk.Transport;

namespace PhotonSdk.Predictions;

/// <summary>
/// One prediction, end to end: submit once → handle → wait → result or typed error, and the overload fallback between
/// them. The only writer of a handle's observation; each span tags itself, never its parent.
/// </summary>
internal sealed class PredictionRunner
{
    private readonly IPhotonClient _owner;
    private readonly WaveSpeedRestClient _rest;
    private readonly ApiKey _key;
    private readonly PredictionWaiter _waiter;
    private readonly PollingOptions _polling;
    private readonly RoutingOptions _routing;
    private readonly TelemetryOptions _telemetry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public PredictionRunner(
        IPhotonClient owner, WaveSpeedRestClient rest, ApiKey key, PollingOptions polling, RoutingOptions routing, TelemetryOptions telemetry, TimeProvider time, ILogger logger)
    {
        _owner = owner;
        _rest = rest;
        _key = key;
        _polling = polling;
        _routing = routing;
        _telemetry = telemetry;
        _time = time;
        _logger = logger;
        _waiter = new PredictionWaiter(rest, time, logger);
    }

    public async Task<ImageGenerationResult> GenerateAsync(string prompt, GenerationOptions options, PhotonModel model, Uri apiRoot, CancellationToken cancellationToken)
    {
        using var activity = PhotonTelemetry.StartGenerate(model, apiRoot, prompt, _telemetry);
        try
        {
            var result = await GenerateCoreAsync(prompt, options, model, cancellationToken).ConfigureAwait(false);
            PhotonTelemetry.Tag(activity, result);
            return result;
        }
        catch (Exception e)
        {
            PhotonTelemetry.Failed(activity, e, model.Id, countPrediction: false);
            throw;
        }
    }

    private async ValueTask<ImageGenerationResult> GenerateCoreAsync(string prompt, GenerationOptions options, PhotonModel model, CancellationToken cancellationToken)
    {
        var fallback = ModelRouter.FallbackFor(model, _routing);
        PredictionHandle handle;
        try
        {
            handle = await SubmitAsync(prompt, options, model, requestedModelId: null, cancellationToken).ConfigureAwait(false);
        }
        catch (PhotonRateLimitedException) when (fallback is not null)
        {
            // A 429 proves the submit was not taken: nothing exists on the overloaded model, so another may serve.
            return await GenerateOnFallbackAsync(prompt, options, fallback, model, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await WaitAsync(handle, options.WaitTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (PhotonServerException e) when (fallback is not null && ModelRouter.EndedOverloaded(handle, e))
        {
            // Only a prediction that ended failed with "service unavailable" is resubmitted; one still running (a poll
            // that was rate limited, say) could complete and be billed next to the fallback.
            return await GenerateOnFallbackAsync(prompt, options, fallback, model, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<ImageGenerationResult> GenerateOnFallbackAsync(
        string prompt, GenerationOptions options, PhotonModel fallback, PhotonModel requested, CancellationToken cancellationToken)
    {
        Log.FallingBack(_logger, requested.Id, fallback.Id);
        var handle = await SubmitAsync(prompt, options, fallback, requestedModelId: requested.Id, cancellationToken).ConfigureAwait(false);
        return await WaitAsync(handle, options.WaitTimeout, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PredictionHandle> SubmitAsync(
        string prompt, GenerationOptions options, PhotonModel model, string? requestedModelId, CancellationToken cancellationToken)
    {
        var input = new SubmitInput(
            prompt,
            options.InputImage,
            options.ResponseFormat == ImageResponseFormat.Data ? true : null,
            options.SyncMode ? true : null,
            options.Webhook);
        var started = _time.GetTimestamp();
        using var activity = PhotonTelemetry.StartSubmit(model);
        if (_telemetry.IncludePrompts) Log.SubmittingWithPrompt(_logger, model.Id, prompt);
        PredictionResponse response;
        try
        {
            response = await SubmitOperations.SubmitAsync(_rest, model, input, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PhotonException or OperationCanceledException)
        {
            PhotonTelemetry.Failed(activity, e, model.Id, countPrediction: true);
            Log.Failed(_logger, null, model.Id, PhotonTelemetry.Outcome(e), e);
            throw;
        }

        if (response.Data is not { Id.Length: > 0 } data)
        {
            throw new PhotonSubmissionUncertainException(
                $"Submitting to {model.Id}: the server answered 200 without a prediction id. It may have created a prediction; check the history before submitting again.")
            {
                ModelId = model.Id, StatusCode = 200,
            };
        }

        var handle = new PredictionHandle(_owner, data.Id, model.Id, default);
        var answered = response.ArrivedTimestamp != 0 ? response.ArrivedTimestamp : _time.GetTimestamp();
        handle.Observe(new PredictionObservation(data, answered, started, options.SyncMode ? started : answered, requestedModelId));
        activity?.SetTag("gen_ai.response.id", data.Id);
        Log.Submitted(_logger, data.Id, model.Id);
        return handle;
    }

    public async Task<PredictionStatus> UpdateStatusAsync(PredictionHandle prediction, CancellationToken cancellationToken)
    {
        var response = await _rest.GetPredictionResultAsync(prediction.Id, cancellationToken).ConfigureAwait(false);
        if (response.Data is { } data)
        {
            var previous = prediction.Observation;
            prediction.Observe(new PredictionObservation(
                data, _time.GetTimestamp(), previous?.StartedTimestamp ?? _time.GetTimestamp(), previous?.DurationOrigin, previous?.RequestedModelId));
        }

        return prediction.Status;
    }

    public async Task<ImageGenerationResult> WaitAsync(PredictionHandle prediction, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var activity = PhotonTelemetry.StartWait(prediction.Id, prediction.ModelId);
        try
        {
            var observed = prediction.Observation;
            var latest = observed?.Latest;
            var polls = 0;
            if (latest is null || !PredictionStatus.Of(latest).IsTerminal)
            {
                long seenAt;
                (latest, seenAt, polls) = await _waiter.WaitAsync(
                    prediction, observed, _polling, timeout ?? _polling.Timeout, cancellationToken).ConfigureAwait(false);
                prediction.Observe(new PredictionObservation(
                    latest, seenAt, observed?.StartedTimestamp ?? seenAt, observed?.DurationOrigin, observed?.RequestedModelId));
            }

            var status = PredictionStatus.Of(latest);
            if (status != PredictionStatus.Completed)
                throw ErrorMapper.FromTask(latest, status, new ErrorContext("Reading the outcome of a prediction", _key, prediction.Id, prediction.ModelId));
            var startedAt = prediction.Observation?.StartedTimestamp ?? _time.GetTimestamp();
            var result = ResultMapper.Map(latest, prediction.ModelId, _time.GetElapsedTime(startedAt), polls, prediction.Observation?.RequestedModelId);
            PhotonTelemetry.Succeeded(result);
            PhotonTelemetry.Tag(activity, result);
            Log.Completed(_logger, result.PredictionId, result.ModelId, result.Timings.Elapsed.TotalSeconds, result.PollCount, result.CostUsd);
            return result;
        }
        catch (Exception e) when (e is PhotonException or OperationCanceledException)
        {
            PhotonTelemetry.Failed(activity, e, prediction.ModelId, countPrediction: true);
            Log.Failed(_logger, prediction.Id, prediction.ModelId, PhotonTelemetry.Outcome(e), e);
            throw;
        }
    }
}
