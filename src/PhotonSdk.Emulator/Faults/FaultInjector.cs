using System.Security.Cryptography;
using PhotonSdk.Emulator.Predictions;

namespace PhotonSdk.Emulator.Faults;

/// <summary>
/// Decides which requests and predictions fail. Each decision is a draw addressed by the seed and the request's or
/// prediction's ordinal, so a seeded run that sends the same requests in the same order meets the same faults.
/// </summary>
internal sealed class FaultInjector
{
    private readonly long _seed;
    private readonly string[] _moderationWords;
    private readonly double _failureRate;
    private readonly int _failureCode;
    private readonly double _serverErrorRate;
    private readonly double _slowRate;
    private readonly double _rateLimitedRate;
    private readonly double _connectionResetRate;
    private readonly double _webhookDropRate;
    private readonly double _webhookDuplicateRate;
    private long _lastRequest;
    private long _lastWebhook;

    public FaultInjector(EmulatorFaultOptions options, int? seed)
    {
        // Unseeded runs still draw from the same addressed scheme, with a seed picked once per emulator.
        _seed = seed ?? BitConverter.ToInt64(RandomNumberGenerator.GetBytes(sizeof(long)));
        _moderationWords = [.. options.ModerationWords];
        _failureRate = options.FailureRate;
        _failureCode = options.FailureCode;
        _serverErrorRate = options.ServerErrorRate;
        _slowRate = options.SlowResponseRate;
        _rateLimitedRate = options.RateLimitedRate;
        _connectionResetRate = options.ConnectionResetRate;
        _webhookDropRate = options.WebhookDropRate;
        _webhookDuplicateRate = options.WebhookDuplicateRate;
        WebhookDuplicateDelay = options.WebhookDuplicateDelay;
        RateLimitedRetryAfter = options.RateLimitedRetryAfter;
        ServerErrorStatusCode = options.ServerErrorStatusCode;
        ServerErrorKeepsSubmission = options.ServerErrorKeepsSubmission;
        SlowResponseDelay = options.SlowResponseDelay;
    }

    public int ServerErrorStatusCode { get; }

    public bool ServerErrorKeepsSubmission { get; }

    public TimeSpan SlowResponseDelay { get; }

    public TimeSpan RateLimitedRetryAfter { get; }

    public TimeSpan WebhookDuplicateDelay { get; }

    /// <summary>Draws the fate of the next webhook scheduled: dropped, sent twice, or sent once.</summary>
    public (bool Dropped, bool Duplicated) NextWebhook()
    {
        var ordinal = Interlocked.Increment(ref _lastWebhook);
        var dropped = _webhookDropRate > 0 && SeededDraws.Unit(_seed, SeededDraws.Stream.WebhookDrop, ordinal) < _webhookDropRate;
        var duplicated = !dropped && _webhookDuplicateRate > 0 && SeededDraws.Unit(_seed, SeededDraws.Stream.WebhookDuplicate, ordinal) < _webhookDuplicateRate;
        return (dropped, duplicated);
    }

    /// <summary>Whether any request-level fault can happen, so requests need not be counted otherwise.</summary>
    public bool AffectsRequests => _serverErrorRate > 0 || _slowRate > 0 || _rateLimitedRate > 0 || _connectionResetRate > 0;

    /// <summary>Draws the faults of the next API request.</summary>
    public RequestFaults NextRequest()
    {
        var ordinal = Interlocked.Increment(ref _lastRequest);
        return new RequestFaults(
            ServerError: _serverErrorRate > 0 && SeededDraws.Unit(_seed, SeededDraws.Stream.ServerError, ordinal) < _serverErrorRate,
            Slow: _slowRate > 0 && SeededDraws.Unit(_seed, SeededDraws.Stream.SlowResponse, ordinal) < _slowRate,
            RateLimited: _rateLimitedRate > 0 && SeededDraws.Unit(_seed, SeededDraws.Stream.RateLimited, ordinal) < _rateLimitedRate,
            ConnectionReset: _connectionResetRate > 0 && SeededDraws.Unit(_seed, SeededDraws.Stream.ConnectionReset, ordinal) < _connectionResetRate);
    }

    /// <summary>The task code the prediction submitted <paramref name="ordinal"/>-th fails with, or 0 when it completes.</summary>
    public int FailureCodeFor(string prompt, long ordinal)
    {
        foreach (var word in _moderationWords)
        {
            if (prompt.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return TaskCodes.ContentModeration;
            }
        }

        return _failureRate > 0 && SeededDraws.Unit(_seed, SeededDraws.Stream.PredictionFailure, ordinal) < _failureRate
            ? _failureCode
            : TaskCodes.Ok;
    }
}
