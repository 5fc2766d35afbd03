using System.Globalization;
using Microsoft.Extensions.Logging;
using PhotonSdk.Predictions;
using PhotonSdk.Rest;
using PhotonSdk.Telemetry;

namespace PhotonSdk.Polling;

/// <summary>
/// Polls <c>GET /predictions/{id}/result</c> until the prediction is terminal or the wait's bound is reached: on the
/// growing schedule, or near the model's learned duration once this client has seen that model complete. Each GET gets
/// the read pipeline's retries; the loop owns the overall bound. All time is the client's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class PredictionWaiter
{
    private readonly WaveSpeedRestClient _rest;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public PredictionWaiter(WaveSpeedRestClient rest, TimeProvider time, ILogger logger)
    {
        _rest = rest;
        _time = time;
        _logger = logger;
    }

    /// <summary>How long each model's predictions have taken on this client; shared by all its waits.</summary>
    public ModelDurations Durations { get; } = new();

    /// <summary>
    /// Waits from what was last observed of a prediction (nothing, for one known by its id alone) until it is terminal;
    /// returns the terminal answer, when it came and how many GETs it took. The handle's status follows each answer, for
    /// whoever shows progress. A bound that fires is a <see cref="PhotonWaitTimeoutException"/>, a cancelled wait a
    /// <see cref="PhotonCanceledException"/>.
    /// </summary>
    public async ValueTask<(Prediction Prediction, long Timestamp, int Polls)> WaitAsync(
        PredictionHandle prediction, PredictionObservation? observed, PollingOptions polling, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var predictionId = prediction.Id;
        var modelId = prediction.ModelId;
        var latest = observed?.Latest;
        var started = _time.GetTimestamp();
        var origin = observed?.DurationOrigin;
        var schedule = new PollSchedule(polling, origin is null ? null : Durations.Window(modelId, polling));
        var learn = origin is not null && polling.LearnDurations;
        var lastStatus = latest is null ? default : PredictionStatus.Of(latest);
        long? lastPending = latest is not null && !lastStatus.IsTerminal ? observed!.LatestTimestamp : null;
        var latestAt = observed?.LatestTimestamp ?? started;
        var polls = 0;

        using var bound = new CancellationTokenSource(timeout, _time);
        // A caller's token that can never be cancelled needs no linking: the bound alone can stop the wait.
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bound.Token) : null;
        var waitToken = linked?.Token ?? bound.Token;
        try
        {
            while (latest is null || !lastStatus.IsTerminal)
            {
                // A handle rehydrated from an id has never been read: read it at once rather than after a delay.
                if (latest is not null || polls > 0)
                {
                    var remaining = timeout - _time.GetElapsedTime(started);
                    if (remaining <= TimeSpan.Zero) break;
                    var delay = schedule.Next(origin is { } at ? _time.GetElapsedTime(at) : TimeSpan.Zero);
                    await Task.Delay(delay < remaining ? delay : remaining, _time, waitToken).ConfigureAwait(false);
                }

                polls++;
                using var poll = PhotonTelemetry.StartPoll(predictionId, polls);
                var response = await _rest.GetPredictionResultAsync(predictionId, waitToken).ConfigureAwait(false);
                latest = response.Data ?? throw new PhotonServerException($"The result of prediction {predictionId} came without data.")
                {
                    PredictionId = predictionId, ModelId = modelId,
                };
                lastStatus = PredictionStatus.Of(latest);
                prediction.ObserveStatus(lastStatus);
                // Only a wait that learns durations needs to know when each answer came (PredictionBenchmarks).
                if (learn)
                {
                    var seen = latestAt = response.ArrivedTimestamp != 0 ? response.ArrivedTimestamp : _time.GetTimestamp();
                    if (!lastStatus.IsTerminal) lastPending = seen;
                    else if (lastStatus == PredictionStatus.Completed && lastPending is { } pending)
                    {
                        var from = origin!.Value;
                        Durations.Record(modelId, _time.GetElapsedTime(from, pending), _time.GetElapsedTime(from, seen), polling.FastInterval);
                    }
                }

                poll?.SetTag("photon.prediction.status", lastStatus.Value);
                Log.Polled(_logger, predictionId, lastStatus.Value, polls);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && bound.IsCancellationRequested)
        {
            throw TimedOut(predictionId, modelId, lastStatus, _time.GetElapsedTime(started));
        }
        catch (OperationCanceledException e) when (e is not PhotonCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new PhotonCanceledException(
                $"Waiting for prediction {predictionId} was cancelled. The prediction keeps running on the server and is billed; resume it by its id.",
                predictionId, predictionMayExist: true, e, cancellationToken);
        }

        if (latest is null || !lastStatus.IsTerminal) throw TimedOut(predictionId, modelId, lastStatus, _time.GetElapsedTime(started));
        return (latest, !learn && polls > 0 ? _time.GetTimestamp() : latestAt, polls);
    }

    private static PhotonWaitTimeoutException TimedOut(string id, string? modelId, PredictionStatus last, TimeSpan waited)
    {
        var unknown = last.IsKnown || last == default ? "" : $" The server reported a status the SDK does not know: '{last}'.";
        return new PhotonWaitTimeoutException(
            string.Create(CultureInfo.InvariantCulture, $"Prediction {id} did not finish within {waited.TotalSeconds:0.#} s (last status '{last}').") +
            $"{unknown} It may still finish and be billed; resume the wait with its id.", last, waited)
        {
            PredictionId = id, ModelId = modelId,
        };
    }
}
