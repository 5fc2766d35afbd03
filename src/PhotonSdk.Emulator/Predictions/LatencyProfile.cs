using PhotonSdk.Emulator.Catalog;
using PhotonSdk.Emulator.Faults;

namespace PhotonSdk.Emulator.Predictions;

/// <summary>How long each model takes, from submit to a terminal status, after scaling.</summary>
internal sealed class LatencyProfile
{
    /// <summary>Near the real service: Photon Flash answers in about 3 s.</summary>
    public static readonly TimeSpan FlashLatency = TimeSpan.FromSeconds(3);

    /// <summary>Near the real service: Photon answers in about 8 s.</summary>
    public static readonly TimeSpan StandardLatency = TimeSpan.FromSeconds(8);

    /// <summary>The share of a prediction's latency spent queued in <c>created</c> before <c>processing</c>.</summary>
    private const double QueuedShare = 0.1;

    private readonly Dictionary<string, TimeSpan> _overrides;
    private readonly double _scale;
    private readonly double _jitter;
    private readonly long _seed;

    public LatencyProfile(IDictionary<string, TimeSpan> overrides, double scale, double jitter = 0, long seed = 0)
    {
        _overrides = new Dictionary<string, TimeSpan>(overrides, StringComparer.Ordinal);
        _scale = scale;
        _jitter = jitter;
        _seed = seed;
    }

    /// <summary>The scaled time the <paramref name="ordinal"/>-th prediction, of <paramref name="model"/>, waits before processing starts.</summary>
    public TimeSpan QueuedTime(ModelDefinition model, long ordinal = 0) => Scale(Unscaled(model), QueuedShare * Spread(ordinal));

    /// <summary>The scaled time the <paramref name="ordinal"/>-th prediction, of <paramref name="model"/>, spends processing.</summary>
    public TimeSpan ProcessingTime(ModelDefinition model, long ordinal = 0) => Scale(Unscaled(model), (1 - QueuedShare) * Spread(ordinal));

    /// <summary>Scales a duration by the emulator's latency scale.</summary>
    public TimeSpan Scale(TimeSpan duration) => Scale(duration, 1);

    /// <summary>A factor within 1 ± the jitter, the same for both parts of one prediction's latency.</summary>
    private double Spread(long ordinal) =>
        _jitter == 0 ? 1 : 1 + (_jitter * ((2 * SeededDraws.Unit(_seed, SeededDraws.Stream.Latency, ordinal)) - 1));

    private TimeSpan Unscaled(ModelDefinition model) =>
        _overrides.TryGetValue(model.Id, out var latency) ? latency
        : string.Equals(model.Tier, "flash", StringComparison.OrdinalIgnoreCase) ? FlashLatency
        : StandardLatency;

    private TimeSpan Scale(TimeSpan duration, double share) => TimeSpan.FromTicks((long)(duration.Ticks * _scale * share));
}
