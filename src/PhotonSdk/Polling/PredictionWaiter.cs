using System.Globalization;
using Microsoft.Extensions.Logging;
using PhotonSdk.Errors;
using PhotonSdk.Generated;
using PhotonSdk.Telemetry;
using PhotonSdk.Transport;

namespace PhotonSdk.Polling;

/// <summary>
/// Polls <c>GET /predictions/{id}/result</c> on a growing schedule until the prediction is terminal or the wait's bound
/// is reached. Each GET gets the read pipeline's retries; the loop owns the overall bound. All time is the client's
/// <see cref="TimeProvider"/>.
/// </summary>
internal sealed class PredictionWaiter
{
    private readonly ApiCaller _api;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public PredictionWaiter(ApiCaller api, TimeProvider time, ILogger logger)
    {
        _api = api;
        _time = time;
        _logger = logger;
    }

    /// <summary>The terminal prediction and how many GETs it took.</summary>
    public async Task<(Prediction Prediction, int Polls)> WaitAsync(
        string predictionId, string? modelId, Prediction? latest, PollingOptions polling, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var context = _api.Context($"Waiting for prediction {predictionId}", predictionId, modelId);
        var started = _time.GetTimestamp();
        var schedule = new PollSchedule(polling);
        var lastStatus = latest is null ? default : Status(latest);
        var polls = 0;

        using var bound = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bound.Token);
        try
        {
            while (latest is null || !lastStatus.IsTerminal)
            {
                var remaining = timeout - _time.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero) break;
                // A handle rehydrated from an id has never been read: read it at once rather than after a delay.
                if (latest is not null || polls > 0)
                {
                    var delay = schedule.Next();
                    await Task.Delay(delay < remaining ? delay : remaining, _time, linked.Token).ConfigureAwait(false);
                }

                polls++;
                using var poll = PhotonTelemetry.StartPoll(predictionId, polls);
                var response = await _api.ReadAsync(
                    (client, token) => client.GetPredictionResultAsync(predictionId, token), context, linked.Token).ConfigureAwait(false);
                latest = response.Data ?? throw new PhotonServerException($"The result of prediction {predictionId} came without data.")
                {
                    PredictionId = predictionId, ModelId = modelId,
                };
                lastStatus = Status(latest);
                poll?.SetTag("photon.prediction.status", lastStatus.Value);
                Log.Polled(_logger, predictionId, lastStatus.Value, polls);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && bound.IsCancellationRequested)
        {
            throw TimedOut(predictionId, modelId, lastStatus, _time.GetElapsedTime(started));
        }
        catch (PhotonCanceledException) when (!cancellationToken.IsCancellationRequested && bound.IsCancellationRequested)
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
        return (latest, polls);
    }

    internal static PredictionStatus Status(Prediction prediction) =>
        string.IsNullOrWhiteSpace(prediction.Status) ? default : new PredictionStatus(prediction.Status);

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
