namespace PhotonSdk.Emulator.RateLimiting;

/// <summary>
/// Counts image submits in a sliding minute. It keeps the times of the accepted submits of the last minute (at most
/// the tier's per-minute count), so a refusal can say exactly when the next submit will be accepted.
/// </summary>
internal sealed class SubmitRateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly int _limit;
    private readonly Queue<DateTimeOffset> _accepted = new();
    private readonly Lock _gate = new();

    public SubmitRateLimiter(int imagesPerMinute) => _limit = imagesPerMinute;

    /// <summary>Takes a place for a submit at <paramref name="now"/>, or says how long until one frees.</summary>
    public bool TryAcquire(DateTimeOffset now, out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            while (_accepted.Count > 0 && now - _accepted.Peek() >= Window)
            {
                _accepted.Dequeue();
            }

            if (_accepted.Count >= _limit)
            {
                retryAfter = _accepted.Peek() + Window - now;
                return false;
            }

            _accepted.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }
}
