using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace PhotonSdk.Emulator.Predictions;

/// <summary>All predictions of the emulated account, by id.</summary>
internal sealed class PredictionStore
{
    /// <summary>The API keeps predictions and outputs for 7 days; older ones read as gone.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private readonly ConcurrentDictionary<string, PredictionRecord> _predictions = new(StringComparer.Ordinal);
    private long _lastOrdinal;
    private long _created;

    /// <summary>How many predictions were ever added, deleted and expired ones included.</summary>
    public long Created => Interlocked.Read(ref _created);

    public long NextOrdinal() => Interlocked.Increment(ref _lastOrdinal);

    /// <summary>
    /// Takes the predictions an earlier run kept; they do not count as created here. Ordinals (and so seeded ids) go on
    /// after <paramref name="lastOrdinal"/>, the highest an earlier run used, deleted predictions included.
    /// </summary>
    public void Load(IEnumerable<PredictionRecord> predictions, long lastOrdinal)
    {
        foreach (var prediction in predictions) _predictions[prediction.Id] = prediction;
        Interlocked.Exchange(ref _lastOrdinal, Math.Max(Interlocked.Read(ref _lastOrdinal), lastOrdinal));
    }

    /// <summary>Gives loaded predictions this emulator's address, so that their result and output URLs work while it runs.</summary>
    public void Rebase(string origin)
    {
        foreach (var prediction in _predictions.Values.Where(p => p.Origin.Length == 0)) prediction.Origin = origin;
    }

    public void Add(PredictionRecord prediction)
    {
        if (!_predictions.TryAdd(prediction.Id, prediction))
        {
            throw new InvalidOperationException($"Prediction id {prediction.Id} is already in use.");
        }

        Interlocked.Increment(ref _created);
    }

    public bool TryGet(string id, DateTimeOffset now, [NotNullWhen(true)] out PredictionRecord? prediction)
    {
        if (_predictions.TryGetValue(id, out prediction) && IsRetained(prediction, now))
        {
            return true;
        }

        prediction = null;
        return false;
    }

    public bool Remove(string id) => _predictions.TryRemove(id, out _);

    /// <summary>The retained predictions at <paramref name="now"/>, in no particular order.</summary>
    public IEnumerable<PredictionRecord> Retained(DateTimeOffset now) =>
        _predictions.Values.Where(p => IsRetained(p, now));

    private static bool IsRetained(PredictionRecord prediction, DateTimeOffset now) => now - prediction.CreatedAt < Retention;
}
